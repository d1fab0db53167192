"use client";

import { Download } from "lucide-react";
import { useT } from "@/components/i18n/client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { toCsv } from "@/server/lib/csv";

export interface DataTable {
  /** File name without extension. */
  name: string;
  header: string[];
  rows: (string | number)[][];
}

function download(table: DataTable) {
  // A byte-order mark so spreadsheet programs read Chinese text as UTF-8.
  const blob = new Blob([`\uFEFF${toCsv(table.header, table.rows)}`], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: `${table.name}.csv` });
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * A chart with the numbers behind it: the chart is announced as an image with a summary, and the same
 * data is one click away as a table and as a CSV download.
 */
export function ChartPanel({ title, table, children }: { title: string; table: DataTable; children: React.ReactNode }) {
  const t = useT();
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle as="h2">{title}</CardTitle>
          <Button variant="secondary" size="sm" onClick={() => download(table)}>
            <Download aria-hidden />
            {t("analytics.download")}
          </Button>
        </div>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <div role="img" aria-label={t("analytics.chart.summary", { title, count: table.rows.length })} className="h-64 w-full">
          {children}
        </div>
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-brand-800">{t("analytics.showNumbers")}</summary>
          <div className="mt-2 max-h-64 overflow-auto">
            <table className="w-full text-left">
              <thead className="text-slate-700">
                <tr>
                  {table.header.map((h) => (
                    <th key={h} scope="col" className="px-2 py-1 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {table.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j} className="px-2 py-1 text-slate-900">
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
