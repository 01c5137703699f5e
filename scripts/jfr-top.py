#!/usr/bin/env python3
"""Top frames of a Java Flight Recorder CPU profile, as used in docs/performance.md.

    jfr print --stack-depth 64 --events jdk.ExecutionSample run.jfr > samples.txt
    python3 scripts/jfr-top.py samples.txt [TOP_SELF] [TOP_INCLUSIVE]

Self: the share of samples whose top frame is the method. Inclusive: the share of samples with the
method anywhere on the stack (counted once per sample).
"""
import collections
import re
import sys

text = open(sys.argv[1]).read()
events = text.split("jdk.ExecutionSample")[1:]
top, incl = collections.Counter(), collections.Counter()
for e in events:
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", e, re.S)
    if not m:
        continue
    frames = [l.strip() for l in m.group(1).strip().split("\n") if l.strip() and l.strip() != "..."]
    frames = [re.sub(r"\(.*", "", re.sub(r"\s+line:.*", "", f)).replace("org.crackdown.", "") for f in frames]
    if frames:
        top[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
n = max(1, len(events))
print("samples", len(events))
print("-- top frames (self)")
for f, c in top.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 15):
    print("%5.1f%% %s" % (100 * c / n, f))
print("-- inclusive")
for f, c in incl.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 25):
    print("%5.1f%% %s" % (100 * c / n, f))
