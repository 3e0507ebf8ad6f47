import { describe, expect, it } from "vitest";
import { pageWindow } from "./paging";

describe("pageWindow", () => {
  it("places a page among the rows", () => {
    expect(pageWindow({ page: 2, pageSize: 25, total: 60 })).toEqual({
      page: 2,
      pages: 3,
      first: 26,
      last: 50,
      beyondEnd: false,
    });
    expect(pageWindow({ page: 3, pageSize: 25, total: 60 })).toMatchObject({ first: 51, last: 60 });
  });

  it("says a page after the last one shows nothing, never a backwards range", () => {
    expect(pageWindow({ page: 99, pageSize: 25, total: 12 })).toEqual({
      page: 99,
      pages: 1,
      first: 0,
      last: 0,
      beyondEnd: true,
    });
  });

  it("an empty list has one empty page", () => {
    expect(pageWindow({ page: 1, pageSize: 25, total: 0 })).toEqual({
      page: 1,
      pages: 1,
      first: 0,
      last: 0,
      beyondEnd: false,
    });
    expect(pageWindow({ page: 5, pageSize: 25, total: 0 }).beyondEnd).toBe(false);
  });
});
