#!/usr/bin/env python3
"""Writes a deterministic Jekyll site for the benchmark: the data set of generate.sql, as files.

    python3 bench/data/jekyll.py <folder> [posts] [seed]

posts defaults to 100000, seed to 42. The same arguments give the same files, byte for byte.
The word lists, tag and category names and authors are read from generate.sql next to this file, and
drawn with its distributions, so that both generators describe one data set:
  * 50 authors, used half uniformly and half by 1/rank; 10% of the posts have two;
  * 200 tags in popularity order drawn Zipf-like (1/rank), 1–5 a post: "Technology" is on ~40% of
    the posts, rank 25 "Kubernetes" on ~2%, "HTTP" on ~0.2%;
  * 10 categories ~1/rank, 30% of the posts draw a second;
  * 90% published over the 5 years before 2026-11-01, 10% drafts (`published: false`);
  * markdown bodies of 2–10 KB from a pool of 7,919 paragraphs (prose, "## " headings, lists, code,
    **bold**, `code`, links) over a ~720-word vocabulary drawn by 1/rank, plus one sentence with a
    "rare" word; 20% of the titles end with it. Common words are in most posts ("people", "government").
Files go to <folder>/_posts/YYYY-MM-DD-<slug>.md; slugs are unique (title words + "-" + n).
"""
import math
import os
import random
import re
import sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))


def sql_list(sql, table):
    """The words of `CREATE TEMP TABLE <table> ... string_to_array('...' '...', sep)` in generate.sql."""
    start = sql.index(f"CREATE TEMP TABLE {table} ")
    call = sql.index("string_to_array(", start) + len("string_to_array(")
    literals, pos = [], call
    while True:
        m = re.compile(r"\s*'((?:[^']|'')*)'").match(sql, pos)
        if not m:
            break
        literals.append(m.group(1).replace("''", "'"))
        pos = m.end()
    sep = re.compile(r"\s*,\s*'([^']*)'").match(sql, pos).group(1)
    text = "".join(literals)
    seen, out = set(), []
    for w in text.split(sep):
        w = w.strip()
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def sql_two_lists(sql, marker):
    """Two string_to_array lists after `marker` (the authors' first and last names)."""
    start = sql.index(marker)
    rest = sql[start:]
    chunks = re.findall(r"string_to_array\(((?:\s*'(?:[^']|'')*')+)\s*,\s*' '\)", rest)[:2]
    return [" ".join(re.findall(r"'((?:[^']|'')*)'", c)).split() for c in chunks]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main():
    root = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    sql = open(os.path.join(HERE, "generate.sql"), encoding="utf-8").read()
    fwords, cwords, rwords = sql_list(sql, "fwords"), sql_list(sql, "cwords"), sql_list(sql, "rwords")
    tags = [t for t in sql_list(sql, "tag_names")]
    cats = sql_list(sql, "category_names")
    firsts, lasts = sql_two_lists(sql, "INSERT INTO authors")
    authors = [f"{f} {l}" for f, l in zip(firsts, lasts)]
    assert len(tags) == 200 and len(cats) == 10 and len(authors) == 50, (len(tags), len(cats), len(authors))

    rnd = random.Random(seed)
    loguni = lambda n: min(n, int(math.exp(rnd.random() * math.log(n + 1))))  # P(k) ~ 1/k, 1..n
    tag_cdf, acc = [], 0.0
    total = sum(1 / r for r in range(1, 201))
    for r in range(1, 201):
        acc += 1 / r / total
        tag_cdf.append(acc)

    def zipf_tag():
        x = rnd.random()
        lo, hi = 0, 199
        while lo < hi:
            mid = (lo + hi) // 2
            if tag_cdf[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return lo

    # The paragraph pool, as generate.sql builds it.
    def sentence(nwords, prose):
        out = []
        for wid in range(nwords):
            if prose and wid > 0 and rnd.random() < 0.42:
                out.append(fwords[loguni(len(fwords)) - 1])
                continue
            word = cwords[rnd.randrange(len(cwords))] if rnd.random() < 0.5 else cwords[loguni(len(cwords)) - 1]
            deco = rnd.random()
            if deco < 0.015:
                word = f"**{word}**"
            elif deco < 0.020:
                word = f"[{word}](https://example.com/{word})"
            elif deco < 0.025:
                word = f"`{word}`"
            out.append(word)
        text = " ".join(out)
        return text[0].upper() + text[1:]

    pool, excerpts = [], []
    for _ in range(7919):
        r = rnd.random()
        if r < 0.74:
            sents = [sentence(8 + rnd.randrange(13), True) + "." for _ in range(3 + rnd.randrange(4))]
            excerpts.extend(s for s in sents if "](" not in s)
            pool.append(" ".join(sents))
        elif r < 0.86:
            pool.append("## " + sentence(2 + rnd.randrange(4), False).replace("**", "").replace("`", "").title())
        elif r < 0.96:
            pool.append("\n".join("- " + sentence(3 + rnd.randrange(7), True) for _ in range(3 + rnd.randrange(4))))
        else:
            w = [cwords[rnd.randrange(len(cwords))] for _ in range(3)]
            pool.append(f"```\nconst {w[0]} = await {w[1]}('{w[2]}');\n```")
    rare_templates = ["Nobody expected the {rare} to matter this much.", "The {rare} came up again at the last meeting.",
                      "We keep a small {rare} on the desk as a reminder.", "Think of it as a {rare} for the whole team.",
                      "Even the {rare} story has a lesson in it.", "A reader wrote in to ask about the {rare}.",
                      "It reminded everyone of the old {rare} joke.", "The {rare} example is still the clearest one we have."]

    until = datetime(2026, 11, 1, tzinfo=timezone.utc)
    os.makedirs(os.path.join(root, "_posts"), exist_ok=True)
    q = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    for i in range(1, count + 1):
        draft = rnd.random() < 0.10
        at = until - timedelta(seconds=int(rnd.random() * 1826 * 86400))
        target = 2000 + rnd.randrange(7200)
        a, b = rnd.randrange(7919), 1 + rnd.randrange(7918)
        rare = rwords[loguni(len(rwords)) - 1]
        title = " ".join(cwords[rnd.randrange(len(cwords))] for _ in range(4 + rnd.randrange(5))).title()
        if rnd.random() < 0.2:
            title += " and the " + rare.title()
        excerpt = excerpts[rnd.randrange(len(excerpts))]
        post_tags = []
        for _ in range(1 + rnd.randrange(5)):
            t = tags[zipf_tag()]
            if t not in post_tags:
                post_tags.append(t)
        post_cats = [cats[loguni(10) - 1]]
        if rnd.random() < 0.3:
            c = cats[loguni(10) - 1]
            if c not in post_cats:
                post_cats.append(c)
        post_authors = []
        for _ in range(2 if rnd.random() < 0.1 else 1):
            who = authors[rnd.randrange(50)] if rnd.random() < 0.5 else authors[loguni(50) - 1]
            if who not in post_authors:
                post_authors.append(who)
        paragraphs, length, k = [], 0, 0
        rare_at = rnd.randrange(3)
        while length < target:
            p = pool[(a + k * b) % 7919]
            if k == rare_at and not p.startswith(("#", "-", "`")):
                p += " " + rare_templates[rnd.randrange(8)].format(rare=rare)
            paragraphs.append(p)
            length += len(p) + 2
            k += 1
        slug = f"{slugify(title)}-{i}"
        front = [
            "---",
            f"title: {q(title)}",
            f"date: {at.strftime('%Y-%m-%d %H:%M:%S')} +0000",
            f"authors: [{', '.join(q(x) for x in post_authors)}]",
            f"categories: [{', '.join(q(x) for x in post_cats)}]",
            f"tags: [{', '.join(q(x) for x in post_tags)}]",
            f"excerpt: {q(excerpt)}",
            "layout: post",
        ]
        if draft:
            front.append("published: false")
        front.append("---")
        with open(os.path.join(root, "_posts", f"{at.strftime('%Y-%m-%d')}-{slug}.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(front) + "\n" + "\n\n".join(paragraphs) + "\n")


if __name__ == "__main__":
    main()
