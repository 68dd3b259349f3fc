"""The Burmese language pack's rules: sentences, dates, places, actors, events and statistics written in
Burmese (Myanmar script, Unicode), coded in the same shared codes as English. Vocabularies live in
`mawgun/extract/lang/my/`; `mawgun.extract.languages` routes each document (or each part of a mixed one)
to the English or the Burmese pipeline."""

from mawgun.extract.burmese import components  # noqa: F401 - registers the "rules-my" pipeline
