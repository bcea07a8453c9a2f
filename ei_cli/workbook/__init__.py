"""Reading enterprise workbooks: ``read_workbook(path) -> ReadResult`` (the model plus every problem).

The sheets and columns contract is ``schema.py``; the blank template is ``template.py``.
python-calamine is imported only when a workbook is actually read.
"""

from ei_cli.workbook.reader import ReadResult, read_workbook

__all__ = ["ReadResult", "read_workbook"]
