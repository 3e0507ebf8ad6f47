import PDFDocument from "pdfkit";
import type { AnnualReport, ReportTranslate } from "./report-text";
import { reportDate, reportSections } from "./report-text";

/**
 * The annual report as a PDF, drawn on the server with pdfkit's built-in Helvetica (no browser, no font files): the
 * same sentences as the page, illustrative ones flagged, the records behind each listed under it.
 */
export async function annualReportPdf(
  report: AnnualReport,
  locale: "en" | "fr",
  t: ReportTranslate,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 56,
    compress: options.compress ?? true,
    lang: locale === "fr" ? "fr-CA" : "en-CA",
    info: { Title: t("title", { fiscalYear: report.periods.fiscalYearLabel }) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .text(t("title", { fiscalYear: report.periods.fiscalYearLabel }));
  doc.moveDown(0.5);
  doc
    .font("Helvetica")
    .fontSize(9)
    .fillColor("#555555")
    .text(
      t("description", {
        fiscalYear: report.periods.fiscalYearLabel,
        reportDate: reportDate(report.periods.reportDate, locale),
        monitorFrom: reportDate(report.periods.monitorFrom, locale),
        monitorTo: reportDate(report.periods.monitorTo, locale),
      }),
    );
  for (const section of reportSections(report, locale, t)) {
    doc.moveDown(1);
    doc.font("Helvetica-Bold").fontSize(13).fillColor("#000000").text(section.title);
    for (const paragraph of section.paragraphs) {
      doc.moveDown(0.5);
      doc.font("Helvetica").fontSize(10.5).fillColor("#000000").text(paragraph.text, { align: "left" });
      const notes = [
        ...(paragraph.illustrative ? [`[${t("illustrative")}]`] : []),
        ...(paragraph.links.length > 0 ? [`${t("records")}: ${paragraph.links.map((l) => l.label).join(", ")}`] : []),
      ];
      if (notes.length > 0) doc.font("Helvetica-Oblique").fontSize(8).fillColor("#555555").text(notes.join(" "));
    }
  }
  doc.end();
  return done;
}
