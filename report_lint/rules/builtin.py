"""The built-in rules, published through the ``report_lint.rules`` entry point."""

from .identities import identity_rules
from .parsing.RL000 import InternalError
from .parsing.RL001 import UnreadableInput
from .parsing.RL002 import NotAReport
from .parsing.RL003 import ReplacementCharacter
from .parsing.RL004 import InputSkipped
from .parsing.RL005 import TextStops
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
from .structure.RL501 import MissingSection
from .structure.RL502 import SectionOrder
from .structure.RL503 import EnumerationSequence
from .structure.RL504 import DeclaredCount
from .structure.RL505 import InjectedSpam
from .structure.RL506 import PageResidue
from .structure.RL507 import HeadingTypo
from .structure.RL508 import FeeStatement
from .structure.RL509 import EmptyProblemsSection
from .structure.RL510 import RepeatedWord
from .structure.RL511 import HalfWidthPunctuation
from .dates.RL401 import MalformedDate
from .dates.RL402 import ImpossibleDate
from .dates.RL403 import DateStyle
from .dates.RL404 import StatisticsPeriod
from .dates.RL405 import SignatureTiming
from .dates.RL406 import YearMismatch
from .narrative.RL201 import NarrativeTableMismatch
from .narrative.RL202 import ListExceedsWhole
from .narrative.RL203 import AllUpheldContradicted
from .narrative.RL204 import HandledExceedsReceived
from .narrative.RL205 import RequestsUnbalanced
from .percentages.RL301 import PercentageMismatch
from .percentages.RL302 import SharesNot100
from .series.RL600 import DuplicateYear
from .series.RL601 import CarriedOverMismatch
from .series.RL602 import InForceNotCarried
from .series.RL603 import PriorYearClaimMismatch
from .series.RL604 import SectionCopied
from .series.RL605 import ItemsNotCarried


def RULES():
    return [
        InternalError, UnreadableInput, NotAReport, ReplacementCharacter, InputSkipped, TextStops, MissingTable, TruncatedTable, UnknownRow,
        UnreadableRow, RecoveredCells, MixedTemplates, MissingRow, DuplicateRow, ExtraValues,
        *identity_rules(), InvalidCount, PlaceholderCell, TableNotCheckable, RegulationsByNonIssuer,
        MalformedDate, ImpossibleDate, DateStyle, StatisticsPeriod, SignatureTiming, YearMismatch,
        MissingSection, SectionOrder, EnumerationSequence, DeclaredCount, InjectedSpam, PageResidue, HeadingTypo,
        FeeStatement, EmptyProblemsSection, RepeatedWord, HalfWidthPunctuation,
        NarrativeTableMismatch, ListExceedsWhole, AllUpheldContradicted, HandledExceedsReceived, RequestsUnbalanced, PercentageMismatch, SharesNot100,
        DuplicateYear, CarriedOverMismatch, InForceNotCarried, PriorYearClaimMismatch, SectionCopied, ItemsNotCarried,
    ]
