import { describe, expect, it } from "vitest";
import {
  addDays,
  computeClock,
  dayNumber,
  daysBetween,
  expectedDecisionDate,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  startOfWeek,
  swedishDate,
  swedishHolidays,
  validateExtension,
  weekday,
  type ClockInput,
} from "./permit-clock";

const base: ClockInput = { receivedOn: "2026-03-02", supplementRequests: [], extension: null, decidedOn: null };

describe("calendar helpers", () => {
  it("rejects impossible dates", () => {
    expect(() => dayNumber("2026-02-30")).toThrow(RangeError);
    expect(() => dayNumber("26-02-01")).toThrow(RangeError);
  });
  it("counts days across a leap day and years", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
  it("knows the weekday (Monday = 0)", () => {
    expect(weekday("2026-11-23")).toBe(0);
    expect(weekday("2026-11-29")).toBe(6);
    expect(startOfWeek("2026-11-26")).toBe("2026-11-23");
  });
  it("knows the Swedish public holidays, including the movable ones", () => {
    const h = swedishHolidays(2026);
    expect(h.has("2026-04-03")).toBe(true); // långfredagen
    expect(h.has("2026-04-06")).toBe(true); // annandag påsk
    expect(h.has("2026-05-14")).toBe(true); // Kristi himmelsfärd
    expect(h.has("2026-06-19")).toBe(true); // midsommarafton
    expect(h.has("2026-10-31")).toBe(true); // alla helgons dag
    expect(h.has("2026-06-06")).toBe(true);
    expect(swedishHolidays(2027).has("2027-03-26")).toBe(true); // långfredagen 2027
    expect(isWorkingDay("2026-04-07")).toBe(true);
  });
  it("a working day is a weekday outside the year's holidays, every day 1990–2110 (holidays kept per year)", () => {
    let holidaysOnWeekdays = 0;
    for (let d = dayNumber("1990-01-01"); d <= dayNumber("2110-12-31"); d++) {
      const date = addDays("1970-01-01", d);
      const holiday = swedishHolidays(Number(date.slice(0, 4))).has(date);
      if (holiday && weekday(date) < 5) holidaysOnWeekdays++;
      expect(isWorkingDay(date)).toBe(weekday(date) < 5 && !holiday);
    }
    expect(holidaysOnWeekdays).toBeGreaterThan(121 * 6);
  });
  it("moves a weekend or holiday to the next working day", () => {
    expect(nextWorkingDayOnOrAfter("2026-12-24")).toBe("2026-12-28");
    expect(nextWorkingDayOnOrAfter("2026-11-25")).toBe("2026-11-25");
  });
  it("uses the Swedish civil date of an instant", () => {
    expect(swedishDate("2026-06-30T22:30:00Z")).toBe("2026-07-01");
    expect(swedishDate("2026-01-15T22:59:00Z")).toBe("2026-01-15");
  });
  it("gives the formatter's date for every instant, around summer-time changes and far from today", () => {
    const formatter = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const instants: number[] = [];
    // Every 10 minutes across the changes of 2026 (29 March, 25 October) and 1996, each ±2 days.
    for (const change of ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "1996-10-27T01:00:00Z"])
      for (let m = -2 * 1440; m <= 2 * 1440; m += 10) instants.push(Date.parse(change) + m * 60_000);
    // A pseudo-random spread from 1900 to 2200 (before 1980 and after 2100 the formatter answers).
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      instants.push(Date.UTC(1900, 0, 1) + Math.floor((x / 2147483648) * 300 * 365.25 * 86_400_000));
    }
    for (const t of instants) expect(swedishDate(new Date(t)), new Date(t).toISOString()).toBe(formatter.format(t));
    expect(() => swedishDate("not a date")).toThrow(RangeError);
  });
});

describe("the statutory clock", () => {
  it("runs ten weeks from a complete application and shows the deadline from day one", () => {
    const c = computeClock(base, "2026-03-02");
    expect(c.state).toBe("running");
    expect(c.completeFrom).toBe("2026-03-02");
    expect(c.deadline).toBe("2026-05-11");
    expect(c.daysLeft).toBe(70);
    expect(expectedDecisionDate(base, "2026-03-02")).toBe("2026-05-11");
  });

  it("moves a deadline that falls on a holiday to the next working day", () => {
    // 2026-02-23 + 70 days = 2026-05-04 (Monday); 2026-02-20 + 70 = 2026-05-01 (holiday, Friday)
    expect(computeClock({ ...base, receivedOn: "2026-02-20" }, "2026-02-20").deadline).toBe("2026-05-04");
  });

  it("has not started while a completeness supplement is outstanding", () => {
    const input: ClockInput = {
      ...base,
      supplementRequests: [{ kind: "completeness", requestedOn: "2026-03-10", dueOn: "2026-03-31", answeredOn: null }],
    };
    const c = computeClock(input, "2026-03-20");
    expect(c.state).toBe("waiting-for-supplement");
    expect(c.completeFrom).toBeNull();
    expect(c.deadline).toBeNull();
    expect(c.daysLeft).toBeNull();
    expect(c.overdue).toBe(false);
  });

  it("starts when the supplement arrives", () => {
    const input: ClockInput = {
      ...base,
      supplementRequests: [
        { kind: "completeness", requestedOn: "2026-03-10", dueOn: "2026-03-31", answeredOn: "2026-03-16" },
      ],
    };
    const c = computeClock(input, "2026-03-16");
    expect(c.completeFrom).toBe("2026-03-16");
    expect(c.deadline).toBe("2026-05-25");
    expect(c.state).toBe("running");
  });

  it("uses the last of several completeness requests", () => {
    const input: ClockInput = {
      ...base,
      supplementRequests: [
        { kind: "completeness", requestedOn: "2026-03-20", dueOn: "2026-04-10", answeredOn: "2026-03-30" },
        { kind: "completeness", requestedOn: "2026-03-05", dueOn: "2026-03-25", answeredOn: "2026-03-12" },
      ],
    };
    expect(computeClock(input, "2026-04-01").completeFrom).toBe("2026-03-30");
  });

  it("pauses during a clarification request and adds the paused days", () => {
    const input: ClockInput = {
      ...base,
      supplementRequests: [
        { kind: "clarification", requestedOn: "2026-04-01", dueOn: "2026-04-20", answeredOn: "2026-04-11" },
      ],
    };
    const c = computeClock(input, "2026-04-15");
    expect(c.pausedDays).toBe(10);
    expect(c.deadline).toBe("2026-05-21");
  });

  it("is paused (not overdue) while a clarification is outstanding", () => {
    const input: ClockInput = {
      ...base,
      supplementRequests: [{ kind: "clarification", requestedOn: "2026-05-01", dueOn: "2026-05-20", answeredOn: null }],
    };
    const c = computeClock(input, "2026-05-20");
    expect(c.state).toBe("paused");
    expect(c.overdue).toBe(false);
    expect(c.dueThisWeek).toBe(false);
  });

  it("extends once by the given weeks", () => {
    const c = computeClock(
      { ...base, extension: { weeks: 10, reason: "Särskilda skäl", grantedOn: "2026-04-20" } },
      "2026-05-11",
    );
    expect(c.extended).toBe(true);
    expect(c.deadline).toBe("2026-07-20");
    expect(c.daysLeft).toBe(70);
  });

  it("never extends by more than ten weeks", () => {
    const c = computeClock({ ...base, extension: { weeks: 30, reason: "x", grantedOn: "2026-04-20" } }, "2026-03-02");
    expect(c.deadline).toBe(
      computeClock({ ...base, extension: { weeks: 10, reason: "x", grantedOn: "2026-04-20" } }, "2026-03-02").deadline,
    );
  });

  it("is overdue the day after the deadline", () => {
    expect(computeClock(base, "2026-05-11").overdue).toBe(false);
    const c = computeClock(base, "2026-05-12");
    expect(c.overdue).toBe(true);
    expect(c.state).toBe("overdue");
    expect(c.daysLeft).toBe(-1);
  });

  it("is due this week when the deadline is in today's Monday–Sunday week", () => {
    expect(computeClock(base, "2026-05-11").dueThisWeek).toBe(true); // deadline is today (Monday)
    expect(computeClock(base, "2026-05-10").dueThisWeek).toBe(false); // Sunday before
  });

  it("stops when decided and reports the processing time", () => {
    const c = computeClock(
      {
        ...base,
        supplementRequests: [
          { kind: "completeness", requestedOn: "2026-03-05", dueOn: "2026-03-25", answeredOn: "2026-03-09" },
          { kind: "clarification", requestedOn: "2026-04-01", dueOn: "2026-04-20", answeredOn: "2026-04-06" },
        ],
        decidedOn: "2026-04-20",
      },
      "2026-06-01",
    );
    expect(c.state).toBe("decided");
    expect(c.overdue).toBe(false);
    expect(c.daysLeft).toBeNull();
    expect(c.processingDays).toBe(42 - 5);
  });
});

describe("extension rules", () => {
  it("accepts 1–10 whole weeks with a reason", () => {
    expect(validateExtension(10, "Komplicerat ärende")).toBe("ok");
    expect(validateExtension(11, "Komplicerat ärende")).toBe("weeks");
    expect(validateExtension(0, "Komplicerat ärende")).toBe("weeks");
    expect(validateExtension(2.5, "Komplicerat ärende")).toBe("weeks");
    expect(validateExtension(4, "  ")).toBe("reason");
  });
});
