import { expect, test, type Page } from "@playwright/test";
import { axeClean, uniqueSurname, url } from "./helpers";

async function staffSignIn(page: Page, email: string, password: string) {
  await page.goto(url("sunrise", "/doctor/sign-in"));
  await page.getByLabel("Work email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/doctor\/?(\?.*)?$/);
}

test("a patient books a slot for a dependant; the front desk checks them in from the live queue; the patient sees the new status", async ({ browser }) => {
  test.setTimeout(90_000);
  const surname = uniqueSurname();
  const dependant = `Kabir ${surname}`;

  // 1. A new patient signs up on Sunrise on a phone and adds their child.
  const patientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const patient = await patientContext.newPage();
  await patient.goto(url("sunrise", "/sign-up"));
  await patient.getByLabel("Full name", { exact: true }).fill(`Asha ${surname}`);
  await patient.getByLabel("Email", { exact: true }).fill(`asha.${surname.toLowerCase()}@example.com`);
  await patient.getByLabel("Choose a password", { exact: true }).fill("patient-e2e-secret-1");
  await patient.getByRole("button", { name: "Create account" }).click();
  await expect(patient).not.toHaveURL(/sign-up/);
  await patient.goto(url("sunrise", "/account"));
  const family = patient.locator("form", { has: patient.getByRole("button", { name: "Add family member" }) });
  await family.getByLabel("Full name", { exact: true }).fill(dependant);
  await family.getByLabel("Relationship", { exact: true }).selectOption("child");
  await family.getByRole("button", { name: "Add family member" }).click();
  await expect(patient.getByText(dependant).first()).toBeVisible();

  // 2. They open Dr Rohan Mehta's profile and hold the first open slot.
  await patient.goto(url("sunrise", "/doctors/dr-rohan-mehta"));
  const slots = patient.locator("#slots");
  await expect(slots.getByRole("heading", { level: 2 })).toBeVisible();
  await axeClean(patient, "/doctors/dr-rohan-mehta with slots");
  // The first day with open slots is shown; its first slot's name carries its time and clinic.
  await slots.getByRole("button", { name: /\d{1,2}:\d{2}/ }).first().click();
  await expect(patient).toHaveURL(/\/book\//);
  await axeClean(patient, "confirm booking");

  // 3. The visit is for the child: who, why; then confirm.
  await patient.getByRole("radio", { name: dependant }).check();
  await patient.getByLabel("Reason for visit", { exact: true }).fill("Fever for three days");
  await patient.getByRole("button", { name: "Confirm booking" }).click();
  await expect(patient).toHaveURL(/\/appointments\/[0-9a-f-]{36}/);
  const appointmentUrl = patient.url().replace(/\?.*$/, "");
  const appointmentId = appointmentUrl.split("/").pop()!;
  await expect(patient.getByText(dependant).first()).toBeVisible();
  await expect(patient.getByText("Booked", { exact: true }).first()).toBeVisible();
  await axeClean(patient, "appointment confirmation");

  // The calendar file is the patient's own, served as text/calendar.
  // (Fetched from the page: only the browser resolves *.localhost names.)
  const ics = await patient.evaluate(async (href) => {
    const res = await fetch(href);
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
  }, `${appointmentUrl}/calendar`);
  expect(ics.status).toBe(200);
  expect(ics.type).toContain("text/calendar");
  expect(ics.body).toContain(`UID:${appointmentId}@`);
  expect(ics.body).not.toContain("Fever");

  // The appointment's date, for the queue of that day (it may not be today).
  const date = await patient.locator("[data-appointment-date]").first().getAttribute("data-appointment-date");
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // 4. Dr Mehta has his queue for that day open; the front desk opens theirs and checks the child in.
  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const doctor = await doctorContext.newPage();
  await staffSignIn(doctor, "dr.mehta@sunrise.example", "doctor-demo-1");
  await doctor.goto(url("sunrise", `/doctor?date=${date}`));
  const doctorRow = doctor.getByRole("listitem").filter({ hasText: dependant });
  await expect(doctorRow).toContainText("Booked");
  await expect(doctor.getByText("Live", { exact: true })).toBeVisible();

  const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await deskContext.newPage();
  await staffSignIn(desk, "frontdesk@sunrise.example", "frontdesk-demo-1");
  // The doctor picker lists the doctors at the front desk's clinics.
  const picker = desk.getByLabel("Doctor", { exact: true });
  await picker.selectOption({ label: "Dr Rohan Mehta" });
  const mehtaId = await picker.inputValue();
  expect(mehtaId).toMatch(/^[0-9a-f-]{36}$/);
  await desk.goto(url("sunrise", `/doctor?doctor=${mehtaId}&date=${date}`));
  const deskRow = desk.getByRole("listitem").filter({ hasText: dependant });
  await expect(deskRow).toContainText("Booked");
  await axeClean(desk, "front desk queue");
  await desk.getByRole("button", { name: `Check in ${dependant}` }).click();
  await expect(deskRow).toContainText("Checked in");

  // The doctor's open page follows without a reload (server-sent events).
  await expect(doctorRow).toContainText("Checked in");

  // 5. The patient's appointment page shows the new status.
  await patient.goto(appointmentUrl);
  await expect(patient.getByText("Checked in", { exact: true }).first()).toBeVisible();
  await patient.goto(url("sunrise", "/appointments"));
  await expect(patient.getByRole("listitem").filter({ hasText: dependant }).first()).toContainText("Checked in");

  await Promise.all([patientContext.close(), doctorContext.close(), deskContext.close()]);
});

test("the front desk registers a new patient by phone and books them a slot; the visit stands in that day's queue", async ({ browser }) => {
  const name = `Meera ${uniqueSurname()}`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const desk = await context.newPage();
  await staffSignIn(desk, "frontdesk@sunrise.example", "frontdesk-demo-1");
  await desk.goto(url("sunrise", "/doctor/book"));
  await axeClean(desk, "/doctor/book");

  // 1. A new patient, registered with a mobile number only.
  const register = desk.locator("form", { has: desk.getByRole("button", { name: "Register and continue" }) });
  await register.getByLabel("Full name", { exact: true }).fill(name);
  await register.getByLabel("Mobile number", { exact: true }).fill(`+9198${Math.floor(10_000_000 + Math.random() * 89_999_999)}`);
  await register.getByRole("button", { name: "Register and continue" }).click();
  await expect(desk.getByText(name).first()).toBeVisible();

  // 2. Dr Rohan Mehta's first open time (today's, or the next day with any).
  await expect(desk).toHaveURL(/[?&]patient=/);
  const mehta = await desk.getByLabel("Doctor", { exact: true }).locator("option", { hasText: "Dr Rohan Mehta" }).getAttribute("value");
  const step2 = new URL(desk.url());
  step2.searchParams.set("doctor", mehta!);
  await desk.goto(step2.toString());
  await expect(desk.getByLabel("Doctor", { exact: true })).toHaveValue(mehta!);
  const times = desk.getByRole("list", { name: /^Open times on/ });
  if (!(await times.isVisible())) await desk.getByRole("link", { name: "Go to the next day with open times" }).click();
  await times.getByRole("link").first().click();

  // 3. Why, then book: back on the queue of that day, with the patient in it.
  await desk.getByLabel("Reason for the visit", { exact: true }).fill("Blood pressure review");
  await desk.getByRole("button", { name: "Book appointment" }).click();
  await expect(desk).toHaveURL(/\/doctor\/\?.*booked=/);
  await expect(desk.getByRole("status").filter({ hasText: "Appointment booked" })).toBeVisible();
  await expect(desk.getByRole("heading", { level: 1 })).toContainText("Dr Rohan Mehta");
  await expect(desk.getByRole("listitem").filter({ hasText: name })).toContainText("Booked");
  await context.close();
});

test("a doctor takes a day off in the hub and patients see that day closed", async ({ browser }) => {
  // The first day with open slots on Dr Mehta's profile, as a visitor sees it.
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(url("sunrise", "/doctors/dr-rohan-mehta"));
  const chosen = visitor.locator('#slots a[aria-current="date"]');
  await expect(chosen).toContainText("open");
  const day = new URL((await chosen.getAttribute("href"))!, url("sunrise")).searchParams.get("day");
  expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  const doctorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const doctor = await doctorContext.newPage();
  await staffSignIn(doctor, "dr.mehta@sunrise.example", "doctor-demo-1");
  await doctor.goto(url("sunrise", "/doctor/availability"));
  const add = doctor.locator("form", { has: doctor.getByRole("button", { name: "Add", exact: true }) });
  await add.getByRole("radio", { name: "Time off" }).check();
  await add.getByLabel("Date", { exact: true }).fill(day!);
  await add.getByRole("button", { name: "Add", exact: true }).click();
  await expect(doctor.getByText("Added.", { exact: true })).toBeVisible();

  // The patient's page follows (the slot cache hears the change): that day is closed, with no times.
  await expect(async () => {
    await visitor.goto(url("sunrise", `/doctors/dr-rohan-mehta?day=${day}`));
    await expect(visitor.locator('#slots a[aria-current="date"]')).toContainText("Closed", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(visitor.locator("#slots").getByRole("button", { name: /\d{1,2}:\d{2}/ })).toHaveCount(0);
  await Promise.all([visitorContext.close(), doctorContext.close()]);
});
