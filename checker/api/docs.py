"""The API reference at /api/v1/docs: Swagger UI over the OpenAPI document, its files served
from the swagger-ui-bundle package (never a CDN, so it works offline and under a policy that
allows scripts from this server only), with the same operations rendered on the server for a
reader without scripts."""
from __future__ import annotations

from html import escape
from pathlib import Path

from flask import Response, abort, current_app, send_from_directory, url_for

METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema) -> str:
    if isinstance(schema, dict) and "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if isinstance(schema, dict):
        return schema.get("type", "object")
    return str(schema)


SWAGGER_FILES = ("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png")
OWN_FILES = ("docs.js",)
# Swagger UI styles its elements inline and draws icons from data: URIs; scripts only from here
DOCS_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
               "frame-ancestors 'none'")


def docs_static(filename: str):
    """The docs page's scripts and styles: Swagger UI's from its package, and this one's own."""
    if filename in OWN_FILES:
        return send_from_directory(Path(__file__).parent / "static", filename, max_age=3600)
    if filename not in SWAGGER_FILES:
        abort(404)
    from swagger_ui_bundle import swagger_ui_path

    return send_from_directory(swagger_ui_path, filename, max_age=86400)


def docs_page():
    spec = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    static = lambda name: escape(url_for("api_docs_static", filename=name))  # noqa: E731
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(spec['info']['title'])} "
             f"API</title><link rel='stylesheet' href='{static('swagger-ui.css')}'>"
             f"<link rel='icon' href='{static('favicon-32x32.png')}'>"
             f"<script src='{static('swagger-ui-bundle.js')}' defer></script>"
             f"<script src='{static('docs.js')}' defer></script></head><body>",
             f"<div id='swagger-ui' data-spec='{escape(url_for('api-docs.openapi_json'))}'></div><noscript>",
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
    parts.append("</noscript></body></html>")
    return Response("".join(parts), mimetype="text/html", headers={"Content-Security-Policy": DOCS_POLICY})
