"""Word-list recognisers: actors, places, measures, modality cues, attribution cues, topics.

Each is a table of canonical ids and their surface forms in rules/, matched by one engine
(tables.AliasTable: whole token sequences, longest first, a dictionary lookup per token). The
package holds the engine (tables), the countries the gazetteers start from (countries), the
actors, the places and the simple cue tables, one module each; the names below are the ones the
rest of the checker imports from the package."""
from __future__ import annotations

from checker.recognise.lexicon.actors import (ActorsSchema, UNPLACED, compile_actors, place_body,  # noqa: F401
                                              run_actor_example)
from checker.recognise.lexicon.countries import snake  # noqa: F401
from checker.recognise.lexicon.cues import CueTableSchema, cue_table  # noqa: F401
from checker.recognise.lexicon.places import PlacesSchema, compile_places, run_place_example  # noqa: F401
from checker.recognise.lexicon.tables import AliasTable, _mentions, forget_sentences, tokens  # noqa: F401
