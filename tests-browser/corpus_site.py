"""A site larger than one page of each data file: the benchmark corpus
(bench/gen_corpus.py) at 1,001 cards, one more than index.json's files and the
Open Referral lists hold a page, built once with the debug binary. The tests of
the data files validate its pages beside the sample site's."""
import functools
import os
import subprocess
import sys
import tempfile

from support import BINARY, ROOT, TODAY

CARDS = 1001


@functools.lru_cache(maxsize=None)
def corpus_site():
    """The built folder of the 1,001-card corpus."""
    if not os.path.exists(BINARY):
        raise RuntimeError(f"{BINARY} is missing: run `swift build` first")
    folder = tempfile.mkdtemp(prefix="whoswho-corpus-")
    content, out = os.path.join(folder, "content"), os.path.join(folder, "site")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), content, "--cards", str(CARDS),
                    "--guides", "20", "--quiet"], check=True)
    subprocess.run([BINARY, "build", "--content", content, "--output", out, "--themes", os.path.join(ROOT, "themes"),
                    "--today", TODAY], check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out
