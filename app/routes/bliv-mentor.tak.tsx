import { useTranslation } from "../i18n/use-translation";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("signupSent");

export default function SignupSent() {
  const { t } = useTranslation();
  return (
    <div className="row">
      <div className="col-12 col-md-8">
        <h1>{t("volunteer.signup.sentTitle")}</h1>
        <p className="font-lead">{t("volunteer.signup.sentBody")}</p>
        <p>{t("volunteer.signup.sentNotReceived")}</p>
      </div>
    </div>
  );
}
