import { describe, expect, it } from "vitest";
import {
  addMonths,
  assessStartDate,
  checkDesiredStart,
  earliestStart,
  effectiveOfferStatus,
  offerDeadline,
  queuePosition,
  terminationLastDay,
} from "./childcare-rules";

describe("the four-month rule", () => {
  it("a start four months or more after the application is guaranteed on that date", () => {
    expect(assessStartDate("2026-03-10", "2026-07-10")).toEqual({ kind: "guaranteed", guaranteeDate: "2026-07-10" });
    expect(assessStartDate("2026-03-10", "2026-08-17")).toEqual({ kind: "guaranteed", guaranteeDate: "2026-08-17" });
  });

  it("an earlier start is allowed, but the place is only guaranteed four months after the application", () => {
    expect(assessStartDate("2026-03-10", "2026-04-01")).toEqual({
      kind: "earlier-than-guarantee",
      guaranteeDate: "2026-07-10",
    });
  });

  it("four months from the end of a long month ends at the end of a short month", () => {
    expect(addMonths("2026-10-31", 4)).toBe("2027-02-28");
    expect(addMonths("2027-10-31", 4)).toBe("2028-02-29");
    expect(assessStartDate("2026-10-31", "2027-02-28").kind).toBe("guaranteed");
  });

  it("checks a desired start: not in the past, not before the child is one, not more than a year ahead", () => {
    expect(checkDesiredStart("forskola", "2025-02-11", "2026-01-10", "2026-02-11")).toBeNull();
    expect(checkDesiredStart("forskola", "2025-02-11", "2026-01-10", "2026-02-10")).toBe("too-young");
    expect(checkDesiredStart("forskola", "2024-05-14", "2026-01-10", "2026-01-09")).toBe("in-past");
    expect(checkDesiredStart("forskola", "2024-05-14", "2026-01-10", "2027-01-11")).toBe("too-far");
    expect(checkDesiredStart("forskola", "2024-05-14", "2026-01-10", "2026-02-30")).toBe("invalid");
    expect(checkDesiredStart("forskola", "2024-05-14", "2026-01-10", "soon")).toBe("invalid");
  });

  it("fritidshem starts with förskoleklass, in August of the year the child turns six", () => {
    expect(earliestStart("fritidshem", "2020-03-07")).toBe("2026-08-01");
    expect(earliestStart("forskola", "2025-02-11")).toBe("2026-02-11");
  });
});

describe("queue position", () => {
  const entries = [
    { caseId: 1, guaranteeDate: "2026-08-01", queuedAt: "2026-03-01T10:00:00Z" },
    { caseId: 2, guaranteeDate: "2026-06-01", queuedAt: "2026-02-01T10:00:00Z" },
    { caseId: 3, guaranteeDate: "2026-08-01", queuedAt: "2026-02-15T10:00:00Z" },
  ];
  it("earlier guarantee dates come first, then earlier applications", () => {
    expect(queuePosition(entries, 2)).toBe(1);
    expect(queuePosition(entries, 3)).toBe(2);
    expect(queuePosition(entries, 1)).toBe(3);
  });
  it("an application that is not in the unit's queue has no position", () => {
    expect(queuePosition(entries, 99)).toBeNull();
  });
});

describe("offers", () => {
  it("the deadline is the end of the fourteenth day in Swedish time (summer and winter)", () => {
    expect(offerDeadline(new Date("2026-06-01T08:00:00Z"))).toBe("2026-06-15T21:59:59.000Z");
    expect(offerDeadline(new Date("2026-01-10T08:00:00Z"))).toBe("2026-01-24T22:59:59.000Z");
  });
  it("an unanswered offer lapses after its deadline; an answered one does not", () => {
    const deadlineAt = "2026-06-15T21:59:59.000Z";
    expect(effectiveOfferStatus({ status: "pending", deadlineAt }, new Date("2026-06-15T21:59:00Z"))).toBe("pending");
    expect(effectiveOfferStatus({ status: "pending", deadlineAt }, new Date("2026-06-15T22:00:00Z"))).toBe("lapsed");
    expect(effectiveOfferStatus({ status: "accepted", deadlineAt }, new Date("2026-07-01T00:00:00Z"))).toBe("accepted");
  });
});

describe("termination", () => {
  it("the placement ends on the day asked for, but not before two months' notice", () => {
    expect(terminationLastDay("2026-03-10", "2026-03-31")).toBe("2026-05-09");
    expect(terminationLastDay("2026-03-10", "2026-06-30")).toBe("2026-06-30");
  });
});
