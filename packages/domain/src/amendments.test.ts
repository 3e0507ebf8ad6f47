import { describe, expect, it } from "vitest";
import { AMENDABLE_STATUSES, statusAfterAmendment } from "./amendments";
import { GRANT_STATUSES } from "./validators/grants";

describe("which grants an amendment may touch", () => {
  it("keeps a signed grant's status and reopens a closed one", () => {
    expect(Object.fromEntries(GRANT_STATUSES.map((s) => [s, statusAfterAmendment(s)]))).toEqual({
      draft: null,
      submitted: null,
      approved: "approved",
      active: "active",
      closing: "closing",
      closed: "active",
      cancelled: null,
      suspended: "suspended",
      terminated: null,
    });
    expect([...AMENDABLE_STATUSES].sort()).toEqual(["active", "approved", "closed", "closing", "suspended"]);
  });
});
