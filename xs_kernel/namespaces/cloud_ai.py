"""The statements a single machine cannot honour: Xano's cloud services (``cloud.*``)
and the ``ai.*`` statements that need a model provider or an outside MCP server; also
``webflow.request`` (Webflow's API) and the JWE statements (``security.jwe_*``).

Each is registered, so a file that uses them parses, compiles and runs its other
statements; reaching one raises an ``unsupported`` error that names the statement and
says why. Their attributes are the ones the docs and real exports show for any of them
(accepted, never used). Imports only the registry and ``errors``.
"""

from __future__ import annotations

from typing import Any

from ..errors import XsError
from ..registry import Call, Param, builtin

# Attribute names the docs and real exports use across these statements.
_ATTRIBUTES = tuple(Param(name) for name in (
    "access_key",
    "account_key",
    "account_name",
    "allow_tool_execution",
    "api_key",
    "app_id",
    "application_id",
    "args",
    "arguments",
    "auth_type",
    "base_url",
    "bearer_token",
    "body",
    "bucket",
    "check_claims",
    "claims",
    "connection_type",
    "container_name",
    "content_algorithm",
    "data",
    "doc",
    "doc_id",
    "endpoint",
    "expression",
    "facets",
    "file",
    "file_key",
    "filePath",
    "filters",
    "follow_location",
    "from",
    "headers",
    "hitsPerPage",
    "included_fields",
    "index",
    "input",
    "key",
    "key_algorithm",
    "key_id",
    "max_tokens",
    "messages",
    "metadata",
    "method",
    "model",
    "next_page_token",
    "object",
    "object_lock_mode",
    "object_lock_retain_until",
    "objectID",
    "objects",
    "operations",
    "page",
    "params",
    "path",
    "payload",
    "prefix",
    "prompt",
    "query",
    "region",
    "return_type",
    "secret",
    "secret_key",
    "server_url",
    "service_account",
    "settings",
    "size",
    "sort",
    "system_prompt",
    "temperature",
    "timeDrift",
    "timeout",
    "token",
    "tool",
    "tool_name",
    "ttl",
    "url",
    "value",
    "version",
))

# statement -> why it cannot run here.
_CLOUD = "it calls a cloud service (%s) that a local kernel does not reach"
_AI = "it needs an AI model provider or an outside MCP server"
_JWE = "encrypted tokens (JWE) are not implemented here; signed ones (security.jws_*) are"
UNSUPPORTED: dict[str, str] = {
    "ai.agent.run": _AI,
    "ai.external.mcp.server_details": _AI,
    "ai.external.mcp.tool.list": _AI,
    "ai.external.mcp.tool.run": _AI,
    "cloud.algolia.delete_object": _CLOUD % "Algolia",
    "cloud.algolia.request": _CLOUD % "Algolia",
    "cloud.algolia.save_object": _CLOUD % "Algolia",
    "cloud.algolia.save_objects": _CLOUD % "Algolia",
    "cloud.algolia.search": _CLOUD % "Algolia",
    "cloud.algolia.set_settings": _CLOUD % "Algolia",
    "cloud.aws.opensearch.document": _CLOUD % "AWS OpenSearch",
    "cloud.aws.opensearch.query": _CLOUD % "AWS OpenSearch",
    "cloud.aws.opensearch.request": _CLOUD % "AWS OpenSearch",
    "cloud.aws.s3.delete_file": _CLOUD % "AWS S3",
    "cloud.aws.s3.get_file_info": _CLOUD % "AWS S3",
    "cloud.aws.s3.list_directory": _CLOUD % "AWS S3",
    "cloud.aws.s3.read_file": _CLOUD % "AWS S3",
    "cloud.aws.s3.sign_url": _CLOUD % "AWS S3",
    "cloud.aws.s3.upload_file": _CLOUD % "AWS S3",
    "cloud.azure.storage.delete_file": _CLOUD % "Azure Blob Storage",
    "cloud.azure.storage.get_file_info": _CLOUD % "Azure Blob Storage",
    "cloud.azure.storage.list_directory": _CLOUD % "Azure Blob Storage",
    "cloud.azure.storage.read_file": _CLOUD % "Azure Blob Storage",
    "cloud.azure.storage.sign_url": _CLOUD % "Azure Blob Storage",
    "cloud.azure.storage.upload_file": _CLOUD % "Azure Blob Storage",
    "cloud.elasticsearch.bulk": _CLOUD % "Elasticsearch",
    "cloud.elasticsearch.document": _CLOUD % "Elasticsearch",
    "cloud.elasticsearch.query": _CLOUD % "Elasticsearch",
    "cloud.elasticsearch.request": _CLOUD % "Elasticsearch",
    "cloud.google.storage.delete_file": _CLOUD % "Google Cloud Storage",
    "cloud.google.storage.get_file_info": _CLOUD % "Google Cloud Storage",
    "cloud.google.storage.list_directory": _CLOUD % "Google Cloud Storage",
    "cloud.google.storage.read_file": _CLOUD % "Google Cloud Storage",
    "cloud.google.storage.sign_url": _CLOUD % "Google Cloud Storage",
    "cloud.google.storage.upload_file": _CLOUD % "Google Cloud Storage",
    "webflow.request": _CLOUD % "Webflow",
    "security.jwe_encode": _JWE,
    "security.jwe_decode": _JWE,
}


def _register(name: str, reason: str) -> None:
    def unsupported(call: Call, **_: Any) -> Any:
        raise XsError("unsupported", f"`{name}` is not supported by this kernel: {reason}",
                      hint="mock it in tests (`mock = {...}`), or run this code on Xano")
    unsupported.__doc__ = (f"Not supported here: {reason}. A file using it still parses "
                           "and its other statements run; reaching it is an "
                           "`unsupported` error.")
    unsupported.__qualname__ = unsupported.__name__ = "unsupported_" + name.replace(".", "_")
    unsupported.unsupported = True  # type: ignore[attr-defined]  (xs check warns)
    target = "name" if name == "ai.agent.run" else None
    builtin(name, *_ATTRIBUTES, target=target)(unsupported)


for _name, _reason in UNSUPPORTED.items():
    _register(_name, _reason)
