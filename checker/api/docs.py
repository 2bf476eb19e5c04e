"""A readable page of the OpenAPI document, rendered on the server (no script from elsewhere,
so it works offline and behind strict content policies)."""
from __future__ import annotations

from html import escape

from flask import current_app

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema) -> str:
    if isinstance(schema, dict) and "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if isinstance(schema, dict):
        return schema.get("type", "object")
    return str(schema)


def docs_page():
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(spec['info']['title'])} API"
             "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
             "code{background:#eee;padding:0 .2em}h3{margin-bottom:.2em}.m{font-weight:bold;width:4em;"
             "display:inline-block}</style></head><body>",
             f"<h1>{escape(spec['info']['title'])} {escape(spec['info']['version'])}</h1>",
             f"<p>{escape(spec['info'].get('description', ''))} Machine-readable: "
             "<a href='/api/v1/openapi.json'>openapi.json</a>. Errors are "
             "<code>application/problem+json</code>.</p>"]
    for path, operations in spec["paths"].items():
        for method in METHODS:
            op = operations.get(method)
            if op is None:
                continue
            parts.append(f"<h3><span class='m'>{method.upper()}</span><code>{escape(path)}</code></h3>")
            if op.get("security"):
                parts.append("<p><em>needs Authorization: Bearer &lt;token&gt;</em></p>")
            parts.append(f"<p>{escape(op.get('summary', ''))} {escape(op.get('description', ''))}</p>")
            params = [p for p in op.get("parameters", []) if isinstance(p, dict) and "name" in p]
            if params:
                parts.append("<p>Parameters: " + ", ".join(
                    f"<code>{escape(p['name'])}</code> ({escape(p['in'])})" for p in params) + "</p>")
            body = op.get("requestBody", {}).get("content", {})
            if body:
                parts.append("<p>Body: " + ", ".join(
                    f"{escape(t)} ({escape(_schema_name(c.get('schema')))})" for t, c in body.items()) + "</p>")
            codes = ", ".join(f"{escape(str(code))} {escape(r.get('description', ''))}"
                              for code, r in op.get("responses", {}).items())
            parts.append(f"<p>Responses: {codes}</p>")
    parts.append("</body></html>")
    return "".join(parts), 200, {"Content-Type": "text/html; charset=utf-8"}
