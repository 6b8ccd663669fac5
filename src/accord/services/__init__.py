"""Use cases, one function each: ``(uow, *, actor_id, ...) -> domain value``.

Every service opens exactly one transaction through its unit of work, asks
:func:`accord.domain.access.allowed` before it reads or changes anything a person wrote, and
raises :class:`accord.errors.NotFoundError` (never "forbidden") when the answer is no, so that a
refusal reveals nothing. Entry points (CLI, web) call these and nothing below them.
"""
