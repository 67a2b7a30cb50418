import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export const meta: MetaFunction = () => [{ title: "Mentorbro · Erhvervsmentorer for jobparate flygtninge" }];

export default function Landing() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("common.product")}</h1>
      <p className="font-lead">{t("common.tagline")}</p>
      <p><Link className="button button-primary" to="/login">{t("common.nav.login")}</Link></p>
    </>
  );
}
