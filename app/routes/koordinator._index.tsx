import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "../auth/guards.server";
import { coordinatorCounts } from "../services/dashboard.server";
import { StatCards } from "../components/StatCards";

export const meta: MetaFunction = () => [{ title: "Koordinator · Mentorbro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "coordinator", "admin");
  return { counts: coordinatorCounts() };
}

export default function CoordinatorStart() {
  const { t } = useTranslation();
  const { counts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("staff.start.coordinator.title")}</h1>
      <p>{t("staff.start.coordinator.intro")}</p>
      <StatCards items={[
        { label: t("staff.stats.applied"), value: counts.applied },
        { label: t("staff.stats.waiting"), value: counts.waiting },
        { label: t("staff.stats.active"), value: counts.active },
        { label: t("staff.stats.failedMessages"), value: counts.failedMessages, to: "/admin/outbox?status=failed" },
      ]} />
    </>
  );
}
