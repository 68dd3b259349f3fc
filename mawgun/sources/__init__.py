"""Stage: sources. Fetches web pages and watches feeds, sitemaps and pages, keeping the store current.

- `fetch`: polite HTTP (timeouts, redirects, size limit, retries with back-off, robots.txt).
- `pages`: a URL into documents, with URL, final URL, status and fetch time; changed pages as versions.
- `catalog`: the `sources` table (sources as data) and the shipped starter list.
- `listing`: the article URLs a feed or sitemap lists.
- `watch`: the polling loop (`mawgun watch`), crash-safe and failure-tolerant.

`mawgun ingest URL` goes through `pages.ingest_urls`; chat exports (Telegram JSON, WhatsApp/Signal
text) are file readers in `mawgun.ingest`.
"""
