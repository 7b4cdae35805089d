import { useT } from "./i18n";

/** Page footer: who runs the site and who powers it. */
export function SiteFooter({ brandName }: { brandName: string }) {
  const t = useT();
  const year = new Date().getFullYear();
  return (
    <footer className="mt-16 border-t border-border bg-surface text-surface-foreground">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{t("layout.footer.copyright", { year, name: brandName })}</p>
        <p className="text-muted-foreground">{t("layout.footer.poweredBy")}</p>
      </div>
    </footer>
  );
}
