"""Rule-based English sentence segmentation with exact code-point offsets.

Modules, one per phenomenon, in the order the splitter uses them:

- :mod:`.paragraphs`: blocks that sentences may not cross (paragraphs, wrapping, headings);
- :mod:`.boundaries`: candidate sentence ends in a block and the rules that decide them;
- :mod:`.abbreviations`: the lexicons, and whether a full stop after a token ends a sentence;
- :mod:`.lists`: list markers in running text;
- :mod:`.chars`: character classes and bounded look-around;
- :mod:`.segmenter`: :func:`split_sentences`, which runs them.
"""

from .abbreviations import ABBREVIATIONS
from .segmenter import Segment, split_sentences

__all__ = ["ABBREVIATIONS", "Segment", "split_sentences"]
