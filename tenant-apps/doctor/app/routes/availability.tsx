import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { abilityFromPacked, type PackedRules } from "@visitnow/platform/access";
import type { HubDoctorView, HubServices } from "@visitnow/platform/context";
import { ClockIcon, Container, EmptyState, GeneralErrorBoundary, PageHeader, pageMeta, translate, useT } from "@visitnow/ui";
import type { AvailabilityFailure, FormValues } from "../components/availability-controls";
import { DoctorPicker } from "../components/availability-doctor-picker";
import { availabilityErrors } from "../components/availability-errors";
import { ExceptionsSection, exceptionInput, EXCEPTION_FIELDS, exceptionLabels } from "../components/availability-exceptions";
import { DefaultPolicySection, POLICY_FIELDS, POLICY_RENAME, policyInput, PolicySection, policyLabels } from "../components/availability-policy";
import { RULE_FIELDS, ruleLabels, RulesSection } from "../components/availability-rules";
import { todayInZone } from "../components/calendar-dates";
import { chooseDoctor, requireHub } from "../hub.server";

export const meta = pageMeta("doctor.availability.title");

const INTENTS = ["saveRule", "removeRule", "saveException", "removeException", "savePolicy", "saveDefaultPolicy", "removePolicy"] as const;
type Intent = (typeof INTENTS)[number];
const isIntent = (value: unknown): value is Intent => (INTENTS as readonly unknown[]).includes(value);

/** The section each form lives in: the redirect's `#fragment` and where its status message shows. */
const SECTION_OF: Record<Intent, "hours" | "exceptions" | "policy" | "default-policy"> = {
  saveRule: "hours",
  removeRule: "hours",
  saveException: "exceptions",
  removeException: "exceptions",
  savePolicy: "policy",
  removePolicy: "policy",
  saveDefaultPolicy: "default-policy",
};

interface AvailabilityActionData extends AvailabilityFailure {
  intent: Intent;
}

/**
 * The hospital's default booking rules and which of the user's doctors follow them, for
 * those who may change them (null for everyone else). The ability is the one the page's
 * UI uses; the service checks again on save.
 */
async function defaultPolicyFor(context: LoaderFunctionArgs["context"], hub: HubServices, doctors: HubDoctorView[]) {
  const rules = context.auth.abilityRules as PackedRules;
  if (!rules.length || !abilityFromPacked(rules).can("update", "BookingPolicy")) return null;
  const [policy, ownIds] = await Promise.all([hub.policyFor(null), hub.doctorsWithOwnPolicy()]);
  const own = new Set(ownIds);
  const named = (keep: (id: string) => boolean) => doctors.filter((d) => keep(d.id)).map(({ id, name }) => ({ id, name }));
  return { policy, followers: named((id) => !own.has(id)), own: named((id) => own.has(id)) };
}

/** The chosen doctor's weekly rules, upcoming exceptions and booking rules; `?edit=` fills the rule form, `?remove=` asks to confirm. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const { hub, user } = requireHub(context, request);
  const url = new URL(request.url);
  // Closing a whole clinic is for clinic and tenant admins (a hint for the form; the service checks).
  const canCloseClinic = user.roles.some((role) => role === "clinic_admin" || role === "tenant_admin");
  const zone = context.tenant?.timeZone ?? "Asia/Kolkata";
  const today = todayInZone(zone);
  const doctors = await hub.doctors();
  const doctor = chooseDoctor(doctors, url);
  if (!doctor) {
    // No doctor yet: the hospital default can still be set up for the doctors to come.
    const defaults = await defaultPolicyFor(context, hub, doctors);
    const done = url.searchParams.get("done") === "saveDefaultPolicy" ? ("saveDefaultPolicy" as const) : null;
    return { doctors, doctor: null, canCloseClinic, rules: [], exceptions: [], policy: null, defaults, editId: null, remove: null, done, today };
  }

  const [rules, exceptions, policy, defaults] = await Promise.all([
    hub.listRules(doctor.id),
    hub.listExceptions({ providerId: doctor.id, from: today }),
    hub.policyFor(doctor.id),
    defaultPolicyFor(context, hub, doctors),
  ]);
  const editId = url.searchParams.get("edit");
  const remove = url.searchParams.get("remove");
  const done = url.searchParams.get("done");
  return {
    doctors,
    doctor,
    canCloseClinic,
    rules,
    exceptions,
    policy,
    defaults,
    editId: rules.some((rule) => rule.id === editId) ? editId : null,
    remove: remove && (rules.some((r) => r.id === remove) || exceptions.some((e) => e.id === remove)) ? remove : null,
    done: done && isIntent(done) ? done : null,
    today,
  };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

function values(form: FormData, fields: readonly string[], lists: readonly string[] = []): FormValues {
  const out: FormValues = {};
  for (const name of fields) out[name] = lists.includes(name) ? form.getAll(name).filter((v): v is string => typeof v === "string") : text(form, name);
  return out;
}

/** Saves or removes one thing (told apart by `intent`); success redirects back to the doctor's section with `?done=`. */
export async function action({ context, request }: ActionFunctionArgs) {
  const { hub } = requireHub(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isIntent(intent)) throw new Response("Unknown form", { status: 400 });
  const t = (key: string, params?: Record<string, string | number>) => translate(context.i18n.messages, key, params);
  const doctorId = text(form, "providerId");
  // The doctor the page shows: the policy forms post it apart from whose rules they save.
  const pageDoctor = text(form, "doctor") || doctorId;
  let kept: FormValues = {};
  let labels: Record<string, string> = {};
  let rename: Record<string, string> = {};

  try {
    switch (intent) {
      case "saveRule": {
        kept = values(form, RULE_FIELDS, ["weekdays"]);
        labels = ruleLabels(t);
        // An unticked checkbox posts nothing; say "off" so the service does not fall back to "on".
        await hub.saveRule({ ...kept, providerId: doctorId, active: form.get("active") ? "on" : "off" });
        break;
      }
      case "removeRule":
        await hub.removeRule(text(form, "id"));
        break;
      case "saveException": {
        kept = values(form, EXCEPTION_FIELDS);
        labels = exceptionLabels(t);
        await hub.saveException(exceptionInput(kept, doctorId));
        break;
      }
      case "removeException":
        await hub.removeException(text(form, "id"));
        break;
      case "removePolicy":
        await hub.removePolicy(doctorId);
        break;
      case "savePolicy":
      case "saveDefaultPolicy": {
        kept = values(form, POLICY_FIELDS);
        labels = policyLabels(t);
        rename = POLICY_RENAME;
        // Blank saves the hospital default; the service lets only those who may through.
        await hub.savePolicy(policyInput(kept, intent === "saveDefaultPolicy" ? "" : doctorId));
        break;
      }
    }
  } catch (err) {
    const { errors, status } = availabilityErrors(err, t, { labels, rename });
    return data<AvailabilityActionData>({ intent, errors, values: kept }, { status });
  }
  const query = new URLSearchParams(pageDoctor ? { doctor: pageDoctor, done: intent } : { done: intent });
  return redirect(`/availability?${query}#${SECTION_OF[intent]}`);
}

export default function Availability() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AvailabilityActionData | undefined;
  const { doctors, doctor } = loaded;
  const failed = (section: string) => (actionData && SECTION_OF[actionData.intent] === section ? actionData : undefined);
  // A status message only for the last thing that worked, and not over a newer failure.
  const done = (section: string) => (loaded.done && !actionData && SECTION_OF[loaded.done as Intent] === section ? loaded.done : null);

  if (!doctor || !loaded.policy) {
    return (
      <Container className="pb-16">
        <PageHeader title={t("doctor.availability.title")} lead={t("doctor.availability.pageLead")} />
        <EmptyState icon={<ClockIcon />} title={t("doctor.availability.noDoctorsTitle")}>
          <p>{t("doctor.availability.noDoctorsBody")}</p>
        </EmptyState>
        {loaded.defaults ? (
          <div className="mt-10">
            <DefaultPolicySection
              policy={loaded.defaults.policy}
              followers={loaded.defaults.followers}
              own={loaded.defaults.own}
              doctorId=""
              done={done("default-policy")}
              failed={failed("default-policy")}
            />
          </div>
        ) : null}
      </Container>
    );
  }
  const manage = doctor.allowed.manageAvailability;

  return (
    <Container className="pb-16">
      <PageHeader title={t("doctor.availability.title")} lead={t("doctor.availability.pageLead")} />
      <div className="mb-8">
        <DoctorPicker doctors={doctors} current={doctor} />
        {manage ? null : <p className="mt-3 rounded-brand bg-muted px-4 py-3 text-sm">{t("doctor.availability.readOnly")}</p>}
      </div>
      <div className="flex flex-col gap-10">
        <RulesSection doctor={doctor} rules={loaded.rules} editId={loaded.editId} remove={loaded.remove} today={loaded.today} done={done("hours")} failed={failed("hours")} />
        <ExceptionsSection doctor={doctor} canCloseClinic={loaded.canCloseClinic} exceptions={loaded.exceptions} remove={loaded.remove} today={loaded.today} done={done("exceptions")} failed={failed("exceptions")} />
        <PolicySection doctor={doctor} policy={loaded.policy} done={done("policy")} failed={failed("policy")} hasDefaultSection={Boolean(loaded.defaults)} />
        {loaded.defaults ? (
          <DefaultPolicySection
            policy={loaded.defaults.policy}
            followers={loaded.defaults.followers}
            own={loaded.defaults.own}
            doctorId={doctor.id}
            done={done("default-policy")}
            failed={failed("default-policy")}
          />
        ) : null}
      </div>
    </Container>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
