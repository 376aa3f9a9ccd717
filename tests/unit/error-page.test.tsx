import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "../../app/error";
import { APP_ERRORS } from "../../server/app-error";

const render = (message: string, digest?: string) =>
  renderToStaticMarkup(<ErrorPage error={Object.assign(new Error(message), { digest })} reset={() => {}} />).replace(/&#x27;/g, "'");

describe("the error page", () => {
  it("says the calm outage sentence with the request id when Haven couldn't reach its records", () => {
    const html = render("Can't reach database server at 10.0.0.5:5432", "HAVEN_SERVICE_UNAVAILABLE:req-outage-1");
    expect(html).toContain(APP_ERRORS.SERVICE_UNAVAILABLE.message);
    expect(html).toContain("Reference req-outage-1");
    expect(html).not.toMatch(/sign in|10\.0\.0\.5|5432|database server/i);
  });

  it("shows anything else as a plain apology with a reference, never the error's text", () => {
    const html = render('relation "User" does not exist', "123456789");
    expect(html).toContain("Something went wrong on our side");
    expect(html).toContain("Reference 123456789");
    expect(html).not.toContain("relation");
  });
});
