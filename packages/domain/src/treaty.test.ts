import { describe, expect, it } from "vitest";
import {
  addMonths,
  CONVENTION_ENTRY_INTO_FORCE,
  countInForceOn,
  countJoinedBy,
  entryIntoForce,
  hasJoinedBy,
  joinedWithin,
  outcomeMeasure,
  standingOn,
  stockpileDeadline,
  type TreatyRecord,
} from "./treaty";

describe("entryIntoForce", () => {
  // Deposit dates from the UN Treaty Collection (see design/DOMAIN.md); the Convention itself entered into force on
  // 1999-03-01, six months after Burkina Faso's 40th instrument.
  it.each([
    ["Canada", "1997-12-03", "1999-03-01"],
    ["Ireland", "1997-12-03", "1999-03-01"],
    ["Mauritius", "1997-12-03", "1999-03-01"],
    ["Burkina Faso", "1998-09-16", "1999-03-01"],
    ["Malaysia", "1999-04-22", "1999-10-01"],
    ["Argentina", "1999-09-14", "2000-03-01"],
    ["Algeria", "2001-10-09", "2002-04-01"],
    ["Chile", "2001-09-10", "2002-03-01"],
    ["Angola", "2002-07-05", "2003-01-01"],
    ["Afghanistan", "2002-09-11", "2003-03-01"],
  ])("%s, deposited %s: in force %s", (_state, deposited, inForce) => {
    expect(entryIntoForce(deposited)).toBe(inForce);
  });

  it("is never before the Convention's own entry into force", () => {
    expect(CONVENTION_ENTRY_INTO_FORCE).toBe("1999-03-01");
    expect(entryIntoForce("1997-12-03")).toBe("1999-03-01");
    expect(entryIntoForce("1998-08-31")).toBe("1999-03-01");
  });

  it("counts from the month of deposit, whatever the day", () => {
    expect(entryIntoForce("1999-04-01")).toBe("1999-10-01");
    expect(entryIntoForce("1999-04-30")).toBe("1999-10-01");
    expect(entryIntoForce("1998-12-31")).toBe("1999-06-01");
  });

  it("rolls over the year", () => {
    expect(entryIntoForce("1999-07-31")).toBe("2000-01-01");
    expect(entryIntoForce("1999-12-01")).toBe("2000-06-01");
  });

  it("refuses malformed dates", () => {
    expect(() => entryIntoForce("1999-02-30")).toThrow(RangeError);
  });
});

describe("stockpileDeadline", () => {
  it("is four years after entry into force", () => {
    expect(stockpileDeadline("1999-03-01")).toBe("2003-03-01");
    expect(stockpileDeadline("2003-01-01")).toBe("2007-01-01");
  });
});

describe("standingOn", () => {
  const canada: TreatyRecord = { signedOn: "1997-12-03", depositedOn: "1997-12-03", withdrawalEffectiveOn: null };
  const malaysia: TreatyRecord = { signedOn: "1997-12-03", depositedOn: "1999-04-22", withdrawalEffectiveOn: null };
  const signatoryOnly: TreatyRecord = { signedOn: "1997-12-03", depositedOn: null, withdrawalEffectiveOn: null };
  const withdrawn: TreatyRecord = { signedOn: null, depositedOn: "2000-01-01", withdrawalEffectiveOn: "2025-12-27" };

  it("follows Canada from signature to entry into force", () => {
    expect(standingOn(canada, "1997-12-02")).toBe("non-signatory");
    expect(standingOn(canada, "1997-12-03")).toBe("party-pending");
    expect(standingOn(canada, "1999-02-28")).toBe("party-pending");
    expect(standingOn(canada, "1999-03-01")).toBe("state-party");
  });

  it("follows a later state through its own six months", () => {
    expect(standingOn(malaysia, "1999-04-21")).toBe("signatory");
    expect(standingOn(malaysia, "1999-04-22")).toBe("party-pending");
    expect(standingOn(malaysia, "1999-09-30")).toBe("party-pending");
    expect(standingOn(malaysia, "1999-10-01")).toBe("state-party");
  });

  it("keeps a state that only signed as a signatory", () => {
    expect(standingOn(signatoryOnly, "2002-01-01")).toBe("signatory");
    expect(hasJoinedBy(signatoryOnly, "2002-01-01")).toBe(false);
  });

  it("marks a withdrawal from the day it takes effect", () => {
    expect(standingOn(withdrawn, "2025-12-26")).toBe("state-party");
    expect(standingOn(withdrawn, "2025-12-27")).toBe("withdrawn");
    expect(hasJoinedBy(withdrawn, "2025-12-26")).toBe(true);
    expect(hasJoinedBy(withdrawn, "2025-12-27")).toBe(false);
  });

  it("counts a deposit as joining on its own date", () => {
    expect(hasJoinedBy(canada, "1997-12-02")).toBe(false);
    expect(hasJoinedBy(canada, "1997-12-03")).toBe(true);
  });
});

describe("addMonths", () => {
  it("keeps the day, rolls the year and clamps to shorter months", () => {
    expect(addMonths("2001-06-14", 24)).toBe("2003-06-14");
    expect(addMonths("2001-11-30", 3)).toBe("2002-02-28");
    expect(addMonths("2003-08-31", 6)).toBe("2004-02-29");
    expect(addMonths("2002-12-15", 1)).toBe("2003-01-15");
  });
});

describe("the outcome measure", () => {
  const record = (signedOn: string | null, depositedOn: string | null): TreatyRecord => ({
    signedOn,
    depositedOn,
    withdrawalEffectiveOn: null,
  });
  // UN Treaty Collection dates for some of Warsaw's participants (seminar of 2001-06-14).
  const lithuania = record("1999-02-26", "2003-05-12");
  const belarus = record(null, "2003-09-03");
  const poland = record("1997-12-04", "2012-12-27");
  const hungary = record("1997-12-03", "1998-04-06");

  it("counts a deposit inside the 24 months after the start, not one just outside", () => {
    expect(joinedWithin(lithuania, "2001-06-14")).toBe(true);
    expect(joinedWithin(belarus, "2001-06-14")).toBe(false);
    expect(joinedWithin(record(null, "2003-06-14"), "2001-06-14")).toBe(true);
    expect(joinedWithin(record(null, "2003-06-15"), "2001-06-14")).toBe(false);
  });

  it("ignores states that had already joined, including on the day itself", () => {
    expect(joinedWithin(hungary, "2001-06-14")).toBe(false);
    expect(joinedWithin(record(null, "2001-06-14"), "2001-06-14")).toBe(false);
  });

  it("lists the not-yet-parties and those that joined", () => {
    const measure = outcomeMeasure(
      [
        { iso2: "LT", record: lithuania },
        { iso2: "BY", record: belarus },
        { iso2: "PL", record: poland },
        { iso2: "HU", record: hungary },
        { iso2: "RU", record: null },
      ],
      "2001-06-14",
    );
    expect(measure).toEqual({
      windowEndsOn: "2003-06-14",
      windowMonths: 24,
      notYetParties: ["LT", "BY", "PL", "RU"],
      joined: ["LT"],
    });
  });
});

describe("counting states", () => {
  const records: TreatyRecord[] = [
    { signedOn: "1997-12-03", depositedOn: "1997-12-03", withdrawalEffectiveOn: null },
    { signedOn: "1997-12-03", depositedOn: "1999-04-22", withdrawalEffectiveOn: null },
    { signedOn: null, depositedOn: "2004-05-12", withdrawalEffectiveOn: "2025-12-27" },
    { signedOn: "1997-12-04", depositedOn: null, withdrawalEffectiveOn: null },
  ];

  it("counts those that joined by a date, minus withdrawals in effect", () => {
    expect(countJoinedBy(records, "1998-12-31")).toBe(1);
    expect(countJoinedBy(records, "2004-12-31")).toBe(3);
    expect(countJoinedBy(records, "2025-12-27")).toBe(2);
  });

  it("counts those for which the Convention was in force", () => {
    expect(countInForceOn(records, "1999-03-01")).toBe(1);
    expect(countInForceOn(records, "1999-10-01")).toBe(2);
  });
});
