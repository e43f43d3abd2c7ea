#!/usr/bin/env python3
"""The largest profiles of a resolve against the generator's truth, and the values that built them.

Usage: tools/largest-profiles.py RECORDS.csv TRUTH.csv CLUSTERS [N]

CLUSTERS is a resolve's clusters.csv, or a directory of CSV parts (a Spark run's clusters/).
Prints the pairwise precision, recall and F1 and, for the N largest profiles (default 3), their
size, the number of true people in them, and every identifier value that records of two or more
of those people hold, as a fingerprint (the first 12 hex digits of its SHA-256; never the value)
with its column and the number of people holding it. A measurement aid for docs/quality.md;
nothing in the build or the tests runs it.
"""
import collections
import csv
import glob
import hashlib
import os
import re
import sys

IDENTIFIERS = ["email", "email_2", "phone", "phone_2", "customer_id", "loyalty_id", "device_id", "cookie_id",
               "social_x", "social_instagram"]


def normalized(column, value):
    value = value.strip().lower()
    if column.startswith("phone"):
        digits = re.sub(r"\D", "", value.split("ext")[0])
        return digits[-10:] if len(digits) >= 10 else ""
    if column == "loyalty_id":
        return re.sub(r"^ly", "", value).lstrip("0")
    return value


def fingerprint(value):
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:12]


def main():
    records_path, truth_path, clusters_path = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    truth = {}
    with open(truth_path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            truth[row[0]] = row[1]
    files = sorted(glob.glob(os.path.join(clusters_path, "*.csv"))) if os.path.isdir(clusters_path) else [clusters_path]
    profile = {}
    for path in files:
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                profile[row["record_id"]] = row["profile_id"]
    members = collections.defaultdict(list)
    for record, p in profile.items():
        members[p].append(record)
    true_sizes = collections.Counter(truth.values())
    predicted = sum(len(m) * (len(m) - 1) // 2 for m in members.values())
    actual = sum(c * (c - 1) // 2 for c in true_sizes.values())
    correct = 0
    for m in members.values():
        for c in collections.Counter(truth[r] for r in m).values():
            correct += c * (c - 1) // 2
    precision = correct / predicted if predicted else 1.0
    recall = correct / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"records {len(profile)}, profiles {len(members)}, pairwise precision {precision:.4f}, "
          f"recall {recall:.4f}, F1 {f1:.4f}; largest true profile {max(true_sizes.values())} records")
    largest = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:n]
    wanted = {r for _, m in largest for r in m}
    rows = {}
    with open(records_path, newline="") as f:
        for row in csv.DictReader(f):
            if row["record_id"] in wanted:
                rows[row["record_id"]] = row
    for p, m in largest:
        people = collections.Counter(truth[r] for r in m)
        holders = collections.defaultdict(set)
        for r in m:
            for column in IDENTIFIERS:
                value = normalized(column, rows[r].get(column, "") or "")
                if value:
                    holders[(column[:-2] if column.endswith("_2") else column, value)].add(truth[r])
        shared = sorted(((len(people_of), column, fingerprint(value)) for (column, value), people_of in holders.items()
                         if len(people_of) > 1), reverse=True)
        values = ", ".join(f"{column} {fp} ({k} people)" for k, column, fp in shared) or "none: probabilistic links only"
        print(f"  {len(m)} records of {len(people)} people; values held by several of them: {values}")


if __name__ == "__main__":
    main()
