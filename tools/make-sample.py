#!/usr/bin/env python3
"""Writes the small bundled sample that `./unum resolve` resolves when given no input.

Three sources (crm, webshop, newsletter) describing ~120 people, with the duplicates and
traps a real customer base has: nicknames, typos, phone formats, e-mail case and gmail dots,
shared household e-mails, twins, a junior/senior pair, and placeholder values. Ground truth
is in truth.csv (record_id,person_id). Deterministic: re-running gives the same files.

Usage: tools/make-sample.py cli/src/main/resources/io/unum/cli/sample
"""
import csv, os, random, sys

random.seed(20261122)
out = sys.argv[1]
FIRST = [("Robert", "Bob"), ("Elizabeth", "Liz"), ("William", "Bill"), ("Margaret", "Peggy"),
         ("James", "Jim"), ("Katherine", "Kate"), ("Michael", "Mike"), ("Jennifer", "Jen"),
         ("Richard", "Rick"), ("Patricia", "Pat"), ("Thomas", "Tom"), ("Susan", "Sue"),
         ("Daniel", "Dan"), ("Rebecca", "Becky"), ("Joseph", "Joe"), ("Victoria", "Vicky"),
         ("Anthony", "Tony"), ("Samantha", "Sam"), ("Christopher", "Chris"), ("Alexandra", "Alex"),
         ("José", "Pepe"), ("Zoë", "Zoe"), ("Andrew", "Andy"), ("Deborah", "Debbie")]
LAST = ["Smith", "Johnson", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson", "Anderson",
        "Taylor", "Moore", "Jackson", "Lee", "Harris", "Clark", "Lewis", "Walker", "Young",
        "Müller", "O'Brien", "Nguyen", "Kowalski", "Rossi", "Schmidt"]
STREETS = ["Main Street", "Oak Avenue", "Pine Road", "Maple Drive", "Cedar Lane", "Elm Street",
           "Washington Boulevard", "Lake Shore Drive", "Hill Road", "Park Avenue"]
ABBR = {"Street": "St", "Avenue": "Ave", "Road": "Rd", "Drive": "Dr", "Lane": "Ln", "Boulevard": "Blvd"}
CITIES = [("Springfield", "IL", "62704"), ("Portland", "OR", "97205"), ("Austin", "TX", "78701"),
          ("Denver", "CO", "80202"), ("Madison", "WI", "53703"), ("Boston", "MA", "02108")]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "example.net", "mail.com"]

def phone_formats(digits):
    a, b, c = digits[:3], digits[3:6], digits[6:]
    return [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"+1 {a} {b} {c}", f"{a}.{b}.{c}", f"1{a}{b}{c}", f"{a}{b}{c}"]

def typo(s):
    if len(s) < 4:
        return s
    i = random.randrange(1, len(s) - 1)
    return s[:i] + s[i + 1] + s[i] + s[i + 2:]

people = []
pid = 0
def person(first, last, dob, city, street, email, phone, household=None):
    global pid
    pid += 1
    p = dict(pid=f"P{pid:03d}", first=first, last=last, dob=dob, city=city, street=street,
             email=email, phone=phone, household=household)
    people.append(p)
    return p

for i in range(100):
    full, nick = random.choice(FIRST)
    last = random.choice(LAST)
    dob = f"{random.randint(1940, 2004)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}"
    city = random.choice(CITIES)
    street = f"{random.randint(1, 9999)} {random.choice(STREETS)}"
    local = f"{full.lower()}.{last.lower()}".replace("é", "e").replace("ë", "e").replace("ü", "u").replace("'", "")
    email = f"{local}{random.randint(1, 99)}@{random.choice(DOMAINS)}"
    phone = f"{random.choice(['217', '503', '512', '303', '608', '617'])}{random.randint(2000000, 9999999)}"
    p = person((full, nick), last, dob, city, street, email, phone)
    # households: a partner at the same address sharing a family e-mail and landline
    if i % 9 == 0:
        f2 = random.choice(FIRST)
        family = f"the{last.lower()}s@{random.choice(DOMAINS)}".replace("'", "").replace("ü", "u")
        p["household"] = family
        person(f2, last, f"{random.randint(1940, 2004)}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}",
               city, street, f"{f2[0].lower()}{last.lower()}{random.randint(1, 99)}@{random.choice(DOMAINS)}".replace("'", "").replace("ü", "u"),
               phone, household=family)
    # twins: same surname, birth date, address; different first name and personal e-mail
    if i % 17 == 0:
        f2 = random.choice([f for f in FIRST if f != (full, nick)])
        person(f2, last, dob, city, street, f"{f2[0].lower()}.{last.lower()}{random.randint(100, 999)}@{random.choice(DOMAINS)}".replace("'", "").replace("ü", "u"),
               f"{phone[:3]}{random.randint(2000000, 9999999)}")
    # junior / senior: same name and address, birth dates ~28 years apart
    if i % 23 == 0:
        year = int(dob[:4])
        person((full, nick), last, f"{year - 28 if year > 1970 else year + 28}{dob[4:]}", city, street,
               f"{full.lower()}{last.lower()}sr@{random.choice(DOMAINS)}".replace("'", "").replace("ü", "u"), phone)

crm, web, news, truth = [], [], [], []
def day(year=2023):
    return f"{year}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}T{random.randint(8, 20):02d}:00:00Z"

for p in people:
    full, nick = p["first"]
    city, state, zipc = p["city"]
    number, street = p["street"].split(" ", 1)
    cid = None
    if random.random() < 0.8:
        cid = f"C{len(crm) + 1001}"
        crm.append(dict(record_id=cid, customer_id=cid, first_name=full, last_name=p["last"],
                        date_of_birth=p["dob"], email=p["household"] or p["email"] if random.random() < 0.3 else p["email"],
                        phone=random.choice(phone_formats(p["phone"])), street=p["street"], city=city,
                        state=state, postcode=zipc, observed_at=day(2022)))
        truth.append((cid, p["pid"]))
    for k in range(random.choice([0, 1, 1, 2])):
        rid = f"W{len(web) + 5001}"
        street_web = p["street"]
        for long, short in ABBR.items():
            street_web = street_web.replace(long, short) if random.random() < 0.5 else street_web
        email = p["email"]
        if email.endswith("@gmail.com") and random.random() < 0.5:
            email = email.replace(".", "", 1).replace("@", "+shop@")
        if random.random() < 0.3:
            email = email.upper()
        first = nick if random.random() < 0.4 else full
        last = typo(p["last"]) if random.random() < 0.15 else p["last"]
        web.append(dict(record_id=rid, customer_id=cid if cid and random.random() < 0.3 else "",
                        first_name=first, last_name=last, email=email,
                        phone=random.choice(phone_formats(p["phone"])) if random.random() < 0.6 else "",
                        street=street_web, city=city, state=state, postcode=zipc, observed_at=day(2024)))
        truth.append((rid, p["pid"]))
    if random.random() < 0.5:
        rid = f"N{len(news) + 9001}"
        news.append(dict(record_id=rid, email=p["household"] or p["email"] if random.random() < 0.2 else p["email"],
                         first_name=(nick if random.random() < 0.5 else full) if random.random() < 0.7 else "",
                         observed_at=day(2025)))
        truth.append((rid, p["pid"]))

# placeholder junk shared by strangers: must never link them
for i in range(6):
    p = random.choice(people)
    rid = f"W{len(web) + 5001}"
    web.append(dict(record_id=rid, customer_id="", first_name=p["first"][0], last_name=p["last"],
                    email="test@test.com", phone="000-000-0000", street="", city="", state="", postcode="",
                    observed_at=day(2024)))
    truth.append((rid, p["pid"]))

def write(name, rows, cols):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow(r)

write("crm.csv", crm, ["record_id", "customer_id", "first_name", "last_name", "date_of_birth", "email", "phone",
                       "street", "city", "state", "postcode", "observed_at"])
write("webshop.csv", web, ["record_id", "customer_id", "first_name", "last_name", "email", "phone", "street",
                           "city", "state", "postcode", "observed_at"])
write("newsletter.csv", news, ["record_id", "email", "first_name", "observed_at"])
with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
    f.write("record_id,person_id\n")
    for rid, p in truth:
        f.write(f"{rid},{p}\n")
print(len(crm), len(web), len(news), len(people))
