"""Stage: review. People in the loop: review states, field edits, the audit trail and releases.

Every automatic canonical event starts as a `draft`; a reviewer marks it `reviewed` or `rejected`
(with a reason) (`mawgun.review.states`). A person's edit of a field is an override that wins over
the value derived from reports, however often extraction and deduplication run again
(`mawgun.review.overrides`). Every change writes a row of the hash-chained audit log
(`mawgun.review.audit`), and a reviewer publishes releases, frozen snapshots of the reviewed events
that exports, reports, stats and the public API can be pinned to (`mawgun.review.releases`).
Counting "reviewed only" or "drafts too" is a filter of the query layer (`EventFilter.review`).
"""
