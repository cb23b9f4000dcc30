"""Recover the cells of a run-together row from the table's own identities.

Web pages that lose every cell boundary print a row as one digit string: `713000074` for
71, 3, 0, 0, 0, 0, 74 (FORMAT.md §7). The cells can be recovered when exactly one split
into whole numbers without leading zeros satisfies the row's identity. When several do, the
row is unreadable: a guessed split must never become an arithmetic finding.

The identities have the same shape everywhere: a group of k numbers whose last is the sum
of the others (7 for a requests row, 5 for each review group). So the search only chooses
the k-1 addends; the total is then forced (its digits must follow), which keeps the search
small even for long rows.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..model import MAX_DIGITS

Split = list[tuple[int, int, int]]  # per cell: (piece index, start, end) within that piece

_MAX_NODES = 100_000  # absurd inputs are reported unreadable rather than searched forever


_MAX_RUN = 120  # digits: a longer run is no table row (and int() of it is not cheap)


def recover(pieces: Sequence[str], group_size: int, groups: int = 1, *, summed: bool = True) -> tuple[Optional[Split], int]:
    """Split digit strings into `groups` groups of `group_size` numbers, each group's last
    number being the sum of the rest (with ``summed=False``, any numbers: a row with no
    identity is recoverable only when leading zeros leave a single split, as in `020`).
    A number never spans two pieces.

    Returns (the split, 1) when it is unique; (None, 0) when there is none; (None, 2) when
    there are several or the search was cut short. Numbers have at most MAX_DIGITS digits
    (longer digit runs are no numbers), which also bounds the search.
    """
    found, complete = splits(pieces, group_size, groups, summed=summed, limit=1)
    if not complete:
        return None, 2
    if len(found) != 1:
        return None, len(found)
    return found[0], 1


def splits(pieces: Sequence[str], group_size: int, groups: int = 1, *, summed: bool = True,
           limit: int = 2, max_nodes: int = _MAX_NODES) -> tuple[list[Split], bool]:
    """Up to `limit` splits of the digit strings (as recover() describes them), and whether
    the list is complete (False when there are more, or the search was cut short)."""
    # A signed piece (the 2019 template's 本年增/减, e.g. "-88") signs its first number; signs
    # only occur where there is no identity to check.
    signs = [1 if p[:1] in "+-" and not summed else 0 for p in pieces]
    bare = [p[k:] for p, k in zip(pieces, signs)]
    if not pieces or any(not p.isdigit() for p in bare):
        return [], True
    if sum(map(len, bare)) > _MAX_RUN:
        return [], False
    pieces = bare
    s = "".join(pieces)
    n = len(s)
    if n > group_size * groups * MAX_DIGITS:
        return [], False  # not searched: no split into numbers of at most MAX_DIGITS digits
    # piece_end[i]: end of the piece holding position i (a number may not cross it)
    if len(pieces) == 1:  # most runs: one piece
        piece_end = [n] * n
        piece_of = [0] * n
        starts = [0]
    else:
        piece_end = [0] * n
        piece_of = [0] * n
        starts = []
        offset = 0
        for idx, p in enumerate(pieces):
            starts.append(offset)
            piece_end[offset : offset + len(p)] = [offset + len(p)] * len(p)
            piece_of[offset : offset + len(p)] = [idx] * len(p)
            offset += len(p)

    solutions: list[list[tuple[int, int]]] = []
    if n == group_size * groups:
        # One digit per number is the only split (most rows of small offices: 1 0 0 0 0 0 1).
        if summed and any(
            sum(map(int, s[g : g + group_size - 1])) != int(s[g + group_size - 1]) for g in range(0, n, group_size)
        ):
            return [], True
        solutions.append([(i, i + 1) for i in range(n)])
    nodes = 0
    cut = False
    chosen: list[tuple[int, int]] = []

    def numbers_at(pos: int, max_len: int):
        """Numbers that can start at pos: no leading zero, inside one piece."""
        if pos >= n:
            return
        limit = min(piece_end[pos] - pos, max_len)
        if s[pos] == "0":
            if limit >= 1:
                yield 1
            return
        yield from range(1, min(limit, MAX_DIGITS) + 1)

    def group(pos: int, g: int) -> bool:
        """Search from pos for group g onwards; False stops the whole search."""
        if g == groups:
            if pos == n:
                solutions.append(list(chosen))
                return len(solutions) <= limit
            return True
        return addend(pos, g, 0, 0)

    def addend(pos: int, g: int, k: int, total: int) -> bool:
        nonlocal nodes, cut
        nodes += 1
        if nodes > max_nodes:
            cut = True
            return False
        if k == group_size - 1 and summed:
            t = str(total)
            end = pos + len(t)
            if end > n or len(t) > MAX_DIGITS or s[pos:end] != t or end > piece_end[pos]:
                return True
            chosen.append((pos, end))
            ok = group(end, g + 1)
            chosen.pop()
            return ok
        # numbers still to place in this group after this one (addends + the total), and
        # at least one digit per number of the later groups
        if k == group_size:
            return group(pos, g + 1)
        after = (group_size - 1 - k) + (groups - g - 1) * group_size
        room = n - pos - after
        for ln in numbers_at(pos, room):
            v = int(s[pos : pos + ln])
            # the total is at least as long as any addend and must still fit
            if summed and pos + ln + (group_size - 2 - k) + len(str(total + v)) > n:
                break
            chosen.append((pos, pos + ln))
            ok = addend(pos + ln, g, k + 1, total + v)
            chosen.pop()
            if not ok:
                return False
        return True

    def one_group() -> None:
        """A single summed group (every requests row): choose the total first, from the end
        of the digits, and then only addend splits that can still reach it are searched.
        The same splits as group(), found with a fraction of the nodes."""
        k = group_size - 1  # addends
        digit_sum = [0] * (n + 1)  # digit_sum[i]: of s[:i]
        for i, ch in enumerate(s):
            digit_sum[i + 1] = digit_sum[i] + (ord(ch) - 48 if ch <= "9" else int(ch))  # any decimal digit
        for length in range(1, min(n - k, MAX_DIGITS) + 1):
            a = n - length
            if piece_end[a] != n or (s[a] == "0" and length > 1):
                continue
            target = int(s[a:])
            # a number is its digit sum modulo 9, whatever the split: the addends' digits must
            # add up to the total modulo 9 (most wrong totals end here, before any search)
            if (digit_sum[a] - target) % 9:
                continue
            width = len(s) - a  # an addend is never longer than the total
            pow10 = [10**i for i in range(width + 2)]
            chosen.clear()

            def place(pos: int, left: int, total: int) -> bool:
                nonlocal nodes, cut
                nodes += 1
                if nodes > max_nodes:
                    cut = True
                    return False
                if left == 0:
                    if pos == a and total == target:
                        solutions.append(chosen + [(a, n)])
                        return len(solutions) <= limit
                    return True
                digits = a - pos
                if digits < left or digits > left * width:
                    return True
                # the least the digits left can add up to: numbers as even in length as they
                # can be (r of q+1 digits, the rest of q), each its length's smallest
                q, r = divmod(digits, left)
                if q > 1 or r:
                    if total + r * pow10[q] + (left - r) * (pow10[q - 1] if q > 1 else 0) > target:
                        return True
                if left == 1:  # the last addend takes every digit left: one candidate, no loop
                    if (s[pos] == "0" and digits > 1) or piece_end[pos] < a:
                        return True
                    if total + int(s[pos:a]) == target:
                        solutions.append(chosen + [(pos, a), (a, n)])
                        return len(solutions) <= limit
                    return True
                # the most the remaining digits can add up to: as many numbers of the total's
                # width as the digits make, one of what is left, the rest single digits
                if width > 1:
                    full, rest = divmod(digits - left, width - 1)
                    most = full * pow10[width] + (pow10[rest + 1] if full < left else 0) + 9 * left
                    if total + most < target:
                        return True
                # numbers that can start here: no leading zero, inside one piece, leaving
                # a digit for each later addend
                upto = 1 if s[pos] == "0" else min(width, digits - (left - 1), piece_end[pos] - pos)
                for ln in range(1, upto + 1):
                    v = int(s[pos : pos + ln])
                    if total + v > target:
                        break  # longer numbers from here are larger still
                    chosen.append((pos, pos + ln))
                    ok = place(pos + ln, left - 1, total + v)
                    chosen.pop()
                    if not ok:
                        return False
                return True

            if not place(0, k, 0):
                return

    if solutions:
        pass
    elif summed and groups == 1 and group_size >= 2:
        one_group()
    else:
        group(0, 0)
    complete = not cut and len(solutions) <= limit
    out = []
    for sol in solutions[:limit]:
        one = []
        for a, b in sol:
            i = piece_of[a]
            lo, hi = a - starts[i], b - starts[i]
            one.append((i, 0 if lo == 0 else lo + signs[i], hi + signs[i]))
        out.append(one)
    return out, complete
