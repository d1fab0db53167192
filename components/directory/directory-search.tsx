import { Search } from "lucide-react";
import { getT } from "@/components/i18n/server";
import { LOCALES, type Locale } from "@/server/i18n/locales";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

/** A plain GET form (?q=&lang=), so search works without JavaScript and results can be linked. */
export async function DirectorySearch({ query, language }: { query: string; language?: Locale }) {
  const t = await getT();
  return (
    <form role="search" action="/#directory" method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <Label htmlFor="directory-q">{t("directory.searchLabel")}</Label>
        <Input id="directory-q" name="q" type="search" defaultValue={query} maxLength={100} placeholder={t("directory.searchPlaceholder")} enterKeyHint="search" />
      </div>
      <div className="flex gap-2">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:w-44 sm:flex-none">
          <Label htmlFor="directory-lang">{t("directory.languageLabel")}</Label>
          <Select id="directory-lang" name="lang" defaultValue={language ?? ""}>
            <option value="">{t("directory.languageAny")}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`directory.language.${l}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="primary" className="self-end">
          <Search aria-hidden />
          <span className="sr-only sm:not-sr-only">{t("directory.searchSubmit")}</span>
        </Button>
      </div>
    </form>
  );
}
