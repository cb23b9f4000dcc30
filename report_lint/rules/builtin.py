"""The built-in rules, published through the ``report_lint.rules`` entry point."""

from .identities import identity_rules
from .parsing.RL001 import UnreadableInput
from .parsing.RL002 import NotAReport
from .parsing.RL003 import ReplacementCharacter
from .parsing.RL010 import MissingTable
from .parsing.RL011 import TruncatedTable
from .parsing.RL012 import UnknownRow
from .parsing.RL013 import UnreadableRow
from .parsing.RL014 import RecoveredCells
from .parsing.RL015 import MixedTemplates
from .parsing.RL016 import MissingRow
from .parsing.RL017 import DuplicateRow
from .parsing.RL018 import ExtraValues
from .tables.RL105 import InvalidCount
from .tables.RL106 import PlaceholderCell
from .tables.RL107 import TableNotCheckable
from .tables.RL108 import RegulationsByNonIssuer


def RULES():
    return [
        UnreadableInput, NotAReport, ReplacementCharacter, MissingTable, TruncatedTable, UnknownRow,
        UnreadableRow, RecoveredCells, MixedTemplates, MissingRow, DuplicateRow, ExtraValues,
        *identity_rules(), InvalidCount, PlaceholderCell, TableNotCheckable, RegulationsByNonIssuer,
    ]
