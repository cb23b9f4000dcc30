"""`report-lint serve`: a page on the office's own computer where a report is dropped in and
what is wrong with it is shown, as the HTML report shows it.

* server.py: binds 127.0.0.1 only (a fixed port, the next free one when it is busy), prints the
  address, runs waitress until Ctrl-C or SIGTERM, and removes its private temporary folder.
* app.py: the WSGI application (werkzeug): who may ask (Host, Origin), the size limits, and the
  check, through the same batch code as `report-lint check` (commands.batch_results).
* page.py and static/: the page itself (Chinese, no external resource, a strict CSP, one
  script file of our own).

Nothing here is imported unless `report-lint serve` runs: waitress and werkzeug cost ~80 ms
to import, which `report-lint 年报.txt` never pays.
"""
