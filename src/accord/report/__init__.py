"""The self-contained HTML report: ``render_report(scenario, result)`` returns one page.

Modules: ``html`` renders the template; ``view`` decides what the page says; ``summary`` writes
the headline; ``figures`` and ``chart`` draw the pictures (matplotlib, imported lazily);
``svg`` and ``labels`` make those pictures fit for a web page; ``names`` makes identifiers
read as words.
"""

from accord.report.html import render_report

__all__ = ["render_report"]
