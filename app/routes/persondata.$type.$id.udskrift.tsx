import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { parsePerson } from "../services/privacy.server";
import { exportPerson } from "../services/privacy-export.server";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("personalDataPrint");

/** Access on request, readable: every section of the export as tables, for printing or handing over. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "export:personal-data:own-municipality");
  const { type, id } = parsePerson(params);
  const data = exportPerson(type, id, scope, user);
  if (!data) throw notFound();
  const { type: _t, exportedAt, ...sections } = data;
  return {
    type,
    id,
    exportedAt,
    sections: Object.entries(sections).map(([name, value]) => ({
      name,
      rows: Array.isArray(value) ? value : value ? [value] : [],
    })),
  };
}

function show(v: unknown): string {
  if (v == null) return "—";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export default function PrintablePerson() {
  const { t } = useTranslation();
  const { type, id, exportedAt, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("privacy.person.title", { type: t(`privacy.entityType.${type}`), id })}</h1>
      <p>{exportedAt}</p>
      {sections.map((s) => (
        <section key={s.name} aria-labelledby={`s-${s.name}`}>
          <h2 id={`s-${s.name}`}>
            {s.name} ({t("privacy.person.rows", { count: s.rows.length })})
          </h2>
          {s.rows.map((row, i) => (
            <table key={i} className="table table--compact mb-kv-table">
              <caption className="sr-only">
                {s.name} {i + 1}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("privacy.person.field")}</th>
                  <th scope="col">{t("privacy.person.value")}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(row as Record<string, unknown>).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{show(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      ))}
    </>
  );
}
