"""`python -m checker.api [--host H] [--port P]`: the development server."""
import argparse

from checker.api import serve

parser = argparse.ArgumentParser(prog="python -m checker.api")
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=5000)
args = parser.parse_args()
serve(args.host, args.port)
