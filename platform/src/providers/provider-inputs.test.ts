import { describe, expect, it } from "vitest";
import { parseClinicInput, parseOpeningHours, parseProviderInput, parseSpecialtyInput, rupeesToMinor, slugify, splitList, splitQualifications } from "./provider-inputs.js";
import { applicationReference } from "./provider-steps.js";
import { checkUploads, sanitiseFilename } from "./provider-files.js";

const SPEC = "7d1f4c1e-0000-4000-8000-000000000001";
const base = { name: "Dr. Asha Verma", registrationNumber: "dmc-1234", registrationCouncil: "Delhi Medical Council", feeRupees: "500", modes: "in_clinic", specialtyIds: SPEC };

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    return ((err as { details?: { field: string }[] }).details ?? []).map((d) => d.field);
  }
  return [];
}

describe("provider form", () => {
  it("turns form strings into a normalised profile", () => {
    const p = parseProviderInput({ ...base, qualifications: "MBBS\nMD\nMBBS", languages: "Hindi,English", modes: ["video", "in_clinic"], feeRupees: "1,499.5", yearsExperience: "12", email: "Asha@Example.COM", phone: "+91 98765 43210", clinicIds: "" }, { emailRequired: false });
    expect(p).toMatchObject({ qualifications: ["MBBS", "MD"], languages: ["Hindi", "English"], modes: ["in_clinic", "video"], feeMinor: 149950, currency: "INR", yearsExperience: 12, email: "asha@example.com", phone: "+919876543210", specialtyIds: [SPEC], primarySpecialtyId: SPEC, clinicIds: [], registrationNumber: "DMC-1234" });
  });

  it("refuses negative fees, more than 2 decimals and more than 1,00,000, on feeRupees", () => {
    for (const fee of ["-1", "10.555", "100000.01", "abc", ""]) expect(fieldsOf(() => parseProviderInput({ ...base, feeRupees: fee }, { emailRequired: false })), fee).toEqual(["feeRupees"]);
    expect(parseProviderInput({ ...base, feeRupees: "100000" }, { emailRequired: false }).feeMinor).toBe(10_000_000);
  });

  it("names each bad field: modes, experience, email, registration, primary specialty", () => {
    const fields = fieldsOf(() => parseProviderInput({ ...base, modes: "", yearsExperience: "71", email: "nope", registrationNumber: "" }, { emailRequired: true }));
    expect(fields.sort()).toEqual(["email", "modes", "registrationNumber", "yearsExperience"]);
    expect(fieldsOf(() => parseProviderInput({ ...base, primarySpecialtyId: "7d1f4c1e-0000-4000-8000-000000000009" }, { emailRequired: false }))).toEqual(["primarySpecialtyId"]);
    expect(fieldsOf(() => parseProviderInput({ ...base }, { emailRequired: true }))).toEqual(["email"]);
    expect(fieldsOf(() => parseProviderInput({ ...base, modes: "home_visit" }, { emailRequired: false }))).toEqual(["modes.0"]);
  });

  it("converts rupees exactly", () => {
    expect(rupeesToMinor("0.1")).toBe(10);
    expect(rupeesToMinor("19.99")).toBe(1999);
    expect(rupeesToMinor("1.234")).toBeNull();
  });
});

describe("lists, slugs and references", () => {
  it("splits on commas and newlines, dropping blanks and duplicates", () => {
    expect(splitList(" a, b\n\nA ,c ")).toEqual(["a", "b", "c"]);
    expect(splitList(["x, y", "z"])).toEqual(["x", "y", "z"]);
  });

  it("makes slugs from names", () => {
    expect(slugify("Dr. Asha Verma")).toBe("dr-asha-verma");
    expect(slugify("Ñandú  Clínic!")).toBe("nandu-clinic");
    expect(slugify("!!!", "doctor")).toBe("doctor");
  });

  it("derives a short application reference", () => {
    expect(applicationReference("7d1f4c1e-0000-4000-8000-000000000001")).toMatch(/^APP-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it("sanitises file names", () => {
    expect(sanitiseFilename("../../etc/pass\u0000wd.pdf")).toBe("pass_wd.pdf");
    expect(sanitiseFilename("C:\\Users\\me\\degree scan.pdf")).toBe("degree scan.pdf");
    expect(sanitiseFilename("")).toBe("document");
  });
});

describe("opening hours and clinics", () => {
  it("sorts ranges and refuses overlaps and backwards ranges", () => {
    expect(parseOpeningHours("14:00-18:00, 9:00-13:00")).toEqual([["09:00", "13:00"], ["14:00", "18:00"]]);
    expect(parseOpeningHours("closed")).toEqual([]);
    expect(parseOpeningHours("09:00-13:00, 12:00-15:00")).toMatch(/overlap/);
    expect(parseOpeningHours("13:00-09:00")).toMatch(/after it starts/);
    expect(parseOpeningHours("9am-5pm")).toMatch(/not a range/);
  });

  it("validates the zone, coordinates and each day's hours on its own field", () => {
    const clinic = { name: "Sunrise Clinic", addressLine: "12 MG Road", locality: "Indiranagar", city: "Bengaluru", timeZone: "Asia/Kolkata", latitude: "12.97", longitude: "77.64", facilities: "Pharmacy, Lab, pharmacy", openingHours_mon: "09:00-13:00, 14:00-18:00", openingHours_sun: "" };
    expect(parseClinicInput(clinic)).toMatchObject({ facilities: ["Pharmacy", "Lab"], openingHours: { mon: [["09:00", "13:00"], ["14:00", "18:00"]] }, latitude: 12.97 });
    expect(fieldsOf(() => parseClinicInput({ ...clinic, timeZone: "Mars/Olympus", latitude: "95", openingHours_tue: "10:00-09:00" })).sort()).toEqual(["latitude", "openingHours_tue", "timeZone"]);
  });

  it("lower-cases and de-duplicates specialty synonyms", () => {
    expect(parseSpecialtyInput({ name: "Dermatology", synonyms: "Skin Doctor, skin doctor\nDERMATOLOGIST" }).synonyms).toEqual(["skin doctor", "dermatologist"]);
  });
});

describe("uploads", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const kinds = new Set(["id_proof"]);

  it("decides the type from the bytes and ignores empty inputs", () => {
    const r = checkUploads([{ field: "doc_id_proof", filename: "id.pdf", contentType: "application/pdf", bytes: png }, { field: "photo", filename: "", contentType: "application/octet-stream", bytes: new Uint8Array() }], kinds, { photo: true });
    expect(r.documents[0]).toMatchObject({ kind: "id_proof", contentType: "image/png", originalName: "id.pdf" });
    expect(r.photo).toBeNull();
  });

  it("refuses unknown kinds, HTML and oversize files on their fields", () => {
    const html = new TextEncoder().encode("<html><body>hi</body></html>");
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(png);
    expect(fieldsOf(() => checkUploads([
      { field: "doc_passport", filename: "p.pdf", contentType: "application/pdf", bytes: png },
      { field: "doc_id_proof", filename: "id.pdf", contentType: "application/pdf", bytes: html },
      { field: "photo", filename: "me.png", contentType: "image/png", bytes: big },
    ], kinds, { photo: true }))).toEqual(["doc_passport", "doc_id_proof", "photo"]);
  });
});

describe("qualifications", () => {
  it("keep commas inside a line when written one per line, and split a single line on commas", () => {
    expect(splitQualifications("MBBS, AIIMS Delhi\r\nMD (Dermatology), KEM Mumbai")).toEqual(["MBBS, AIIMS Delhi", "MD (Dermatology), KEM Mumbai"]);
    expect(splitQualifications("MBBS, MD (Dermatology)")).toEqual(["MBBS", "MD (Dermatology)"]);
  });
});
