"""The archive's words: kinds of actor, grades of sources, precisions of dates.

Plain values, no SQLAlchemy: the tables (:mod:`db.models`) store them, and the front and the
command line offer them, without importing the ORM.
"""

from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    ARMED_GROUP = "armed_group"
    STATE_BODY = "state_body"
    PLACE = "place"
    MEDIA_OUTLET = "media_outlet"
    OTHER = "other"


#: Admiralty (NATO) grading: reliability of the source A-F, credibility of the information 1-6.
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)

PRECISIONS = ("day", "month", "year")
