import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { followUpsDue } from "../services/course-queues.server";
import { pageMeta } from "../i18n/meta";
import { PageSummary, Pager } from "../components/Pager";
import { pageParamSchema } from "../domain/paging";
import { FollowUpTable } from "../components/FollowUpQueue";

export const meta = pageMeta("followUps");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "call:follow-up:any");
  const side = pageParamSchema.parse(new URL(request.url).searchParams.get("side") ?? undefined);
  return { due: followUpsDue(scope, side, user) };
}

export default function FollowUpsDue() {
  const { t } = useTranslation();
  const { due } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("courses.followUp.dueTitle")}</h1>
      <p>{t("courses.followUp.dueIntro")}</p>
      <PageSummary window={due} noun={t("courses.list.noun", { count: due.total })} />
      {due.rows.length ? (
        <FollowUpTable rows={due.rows} caption={t("courses.followUp.dueTitle")} />
      ) : (
        <p>{t("courses.followUp.dueNone")}</p>
      )}
      <Pager window={due} />
    </>
  );
}
