import { Search } from "lucide-react";
import { getT } from "@/components/i18n/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A plain GET form (?q=), so search works without JavaScript and results can be linked. */
export async function DirectorySearch({ query }: { query: string }) {
  const t = await getT();
  return (
    <form role="search" action="/#directory" method="get" className="flex flex-col gap-1.5">
      <Label htmlFor="directory-q">{t("directory.searchLabel")}</Label>
      <div className="flex gap-2">
        <Input id="directory-q" name="q" type="search" defaultValue={query} maxLength={100} placeholder={t("directory.searchPlaceholder")} />
        <Button type="submit" variant="primary">
          <Search aria-hidden />
          <span className="sr-only sm:not-sr-only">{t("directory.searchSubmit")}</span>
        </Button>
      </div>
    </form>
  );
}
