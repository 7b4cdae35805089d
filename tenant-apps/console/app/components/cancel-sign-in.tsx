import { Form } from "@remix-run/react";
import { CsrfInput, LinkButton, useT } from "@visitnow/ui";

/** "Cancel and sign out" for a half-finished sign-in (a POST: it ends the pending session). */
export function CancelSignIn() {
  const t = useT();
  return (
    <Form method="post" action="/sign-out">
      <CsrfInput />
      <LinkButton className="-mx-2 text-foreground">{t("console.twoStep.cancel")}</LinkButton>
    </Form>
  );
}
