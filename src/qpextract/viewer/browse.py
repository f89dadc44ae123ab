"""``qpextract browse``: Datasette over a database written by ``extract``, with article pages.

Datasette serves the tables, facets and canned queries (``archive.yaml``); this
module is a Datasette plugin registered in-process that adds one route,
``/-/article?id=…``, rendering an article's page on demand, and turns every
``article_id`` cell into a link to it. The page is drawn over the original
input when ``--inputs`` gives it (the same inputs ``extract`` read, checked by
content hash), else over the stored normalized text with each record placed by
its own text (:mod:`qpextract.viewer.relocate`), which the page says.
"""

from __future__ import annotations

import asyncio
import html
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

import yaml
from datasette import hookimpl
from datasette.facets import Facet
from datasette.database import QueryInterrupted
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args
from datasette.utils.asgi import Response
from markupsafe import Markup

PLUGIN = "qpextract-browse"
ARTICLE_ROUTE = "/-/article"


def metadata(db_path: Path, inputs: list[str]) -> dict[str, Any]:
    """Datasette metadata for ``db_path``: archive.yaml with the database's name filled in, and our settings."""
    text = resources.files("qpextract.viewer").joinpath("archive.yaml").read_text(encoding="utf-8")
    meta = yaml.safe_load(text)
    meta["databases"] = {db_path.stem: meta["databases"]["{db}"]}
    meta["plugins"] = {PLUGIN: {"database": str(db_path.resolve()), "inputs": [str(Path(p).resolve()) for p in inputs]}}
    return meta


def article_url(article_id: str) -> str:
    return f"{ARTICLE_ROUTE}?id={quote(article_id, safe='')}"


@hookimpl
def render_cell(value: Any, column: str, table: Optional[str], database: str, datasette: Any) -> Optional[Markup]:
    """``article_id`` (and ``articles.id``) cells link to the row and to the rendered page."""
    if not isinstance(value, str) or not (column == "article_id" or (table == "articles" and column == "id")):
        return None
    row = datasette.urls.row(database, "articles", quote(value, safe=""))
    return Markup(
        f'<a href="{html.escape(row)}">{html.escape(value)}</a> '
        f'<a class="qpx-page" href="{html.escape(article_url(value))}">page</a>'
    )


# Datasette draws foreign-key cells itself (the article's title, linking to its row) without
# render_cell: this adds the page link next to every link to an article row.
PAGE_LINKS_JS = """
document.querySelectorAll('a[href*="/articles/"]').forEach(function (a) {
  var m = (a.getAttribute("href") || "").match(/^\\/[^\\/]+\\/articles\\/([^\\/?#]+)$/);
  var next = a.nextElementSibling;
  if (!m || (next && next.classList.contains("qpx-page"))) { return; }
  var id = decodeURIComponent(m[1].replace(/\\+/g, " ").replace(/~/g, "%"));
  var link = document.createElement("a");
  link.className = "qpx-page";
  link.href = "{route}?id=" + encodeURIComponent(id);
  link.textContent = "page";
  a.after(" ", link);
});
""".replace("{route}", ARTICLE_ROUTE)


@hookimpl
def extra_body_script() -> str:
    return PAGE_LINKS_JS


class YearFacet(Facet):
    """Counts by year of a date or date-time column (``_facet_year=first_day``); a click filters ``col__startswith``."""

    type = "year"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config, source = source_and_config["config"], source_and_config["source"]
            column = config.get("column") or config["simple"]
            col = escape_sqlite(column)
            sql = (
                f"select substr({col}, 1, 4) as value, count(*) as count from ({self.sql}) "
                f"where {col} glob '[0-9][0-9][0-9][0-9]*' group by value order by value desc limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(self.database, sql, self.params, truncate=False,
                                             custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            key = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                selected = str(args.get(key)) == row["value"]
                path = (path_with_removed_args(self.request, {key: row["value"]}) if selected
                        else path_with_added_args(self.request, {key: row["value"]}))
                values.append({"value": row["value"], "label": row["value"], "count": row["count"],
                               "toggle_url": self.ds.absolute_url(self.request, path), "selected": selected})
            results.append({
                "name": f"{column} (year)", "type": self.type, "results": values, "hideable": source != "metadata",
                "toggle_url": path_with_removed_args(self.request, {"_facet_year": column}),
                "truncated": len(rows.rows) > size,
            })
        return results, timed_out


@hookimpl
def register_facet_classes() -> list[type]:
    return [YearFacet]


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(rf"^{ARTICLE_ROUTE}$", article_page)]


async def article_page(datasette: Any, request: Any) -> Response:
    aid = request.args.get("id")
    if not aid:
        return Response.html("<p>give ?id=ARTICLE_ID</p>", status=400)
    config = datasette.plugin_config(PLUGIN) or {}
    loop = asyncio.get_running_loop()
    page = await loop.run_in_executor(None, build_page, config["database"], tuple(config.get("inputs", ())), aid)
    if page is None:
        return Response.html(f"<p>no article {html.escape(aid)} in the database</p>", status=404)
    return Response.html(page)


@lru_cache(maxsize=4)
def _engine(db_path: str) -> Any:
    from qpextract.io.db import create_db_engine, normalize_url

    return create_db_engine(normalize_url(db_path))


@lru_cache(maxsize=2)
def _input_index(inputs: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Input items by id (read once; HTML pages are prepared when their article is asked for)."""
    from qpextract.io.readers import iter_inputs

    return {str(item["id"]): item for item in iter_inputs(list(inputs)) if "error" not in item}


def build_page(db_path: str, inputs: tuple[str, ...], aid: str) -> Optional[str]:
    """The page of article ``aid``: over its original input when found and unchanged, else relocated."""
    import sqlalchemy as sa

    from qpextract.io.batch import content_hash
    from qpextract.io.db import articles, load_article
    from qpextract.io.readers import prepare
    from qpextract.viewer import page_html
    from qpextract.viewer.relocate import relocate

    with _engine(db_path).connect() as conn:
        article = load_article(conn, aid)
        stored_hash = conn.execute(sa.select(articles.c.content_hash).where(articles.c.id == aid)).scalar()
    if article is None:
        return None
    home = f"/{Path(db_path).stem}/articles"
    item = _input_index(inputs).get(aid) if inputs else None
    if item is not None:
        original = prepare(item)["text"]
        if content_hash(original) == stored_hash:
            return page_html(article, original, home=home)
        why = "its input has changed since it was extracted"
    else:
        why = "its original input was not given (qpextract browse DB --inputs INPUTS)" if not inputs else "its input was not found among --inputs"
    placed, lost = relocate(article)
    note = f"Drawn over the stored normalized text, each record placed by its text, because {why}"
    note += f"; {lost} record(s) could not be placed and are not shown." if lost else "."
    return page_html(placed, placed.text, note=note, home=home)


def serve(db_path: Path, inputs: list[str], host: str = "127.0.0.1", port: int = 8001) -> None:
    """Start Datasette on ``host:port`` until interrupted."""
    import uvicorn
    from datasette.app import Datasette
    from datasette.plugins import pm

    import qpextract.viewer.browse as plugin

    if pm.get_plugin(PLUGIN) is None:
        pm.register(plugin, name=PLUGIN)
    ds = Datasette(
        [str(db_path)],
        metadata=metadata(db_path, inputs),
        settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 500, "default_page_size": 50},
    )
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
