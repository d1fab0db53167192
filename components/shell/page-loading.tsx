import { getT } from "@/components/i18n/server";
import { Spinner } from "@/components/ui/spinner";

/** The loading state of a page segment while its server data arrives. */
export async function PageLoading() {
  const t = await getT();
  return (
    <div className="flex justify-center py-16">
      <Spinner label={t("common.loading")} />
    </div>
  );
}
