// One package per component rather than @react-email/components, whose index also loads a syntax highlighter (prismjs)
// and costs every server start about 0.3 s.
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";

export type EmailSection = {
  lang: string;
  dir: "ltr" | "rtl";
  heading: string;
  lines: string[];
  action?: { label: string; url: string };
};

/** One calm layout for every email. Several sections when a translation is missing (the language, then Danish/English). */
export function EmailLayout({
  sections,
  footer,
  unsubscribe,
}: {
  sections: EmailSection[];
  footer: string;
  unsubscribe?: { label: string; url: string };
}) {
  const first = sections[0];
  return (
    <Html lang={first.lang} dir={first.dir}>
      <Head />
      <Preview>{first.heading}</Preview>
      <Body
        style={{
          backgroundColor: "#f5f5f5",
          fontFamily: "Arial, 'Noto Sans', 'Noto Sans Arabic', sans-serif",
          color: "#1a1a1a",
        }}
      >
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", maxWidth: "560px" }}>
          <Text style={{ fontWeight: 700, color: "#0b4a6f", margin: 0 }}>Mentorbro</Text>
          {sections.map((s, i) => (
            <Section key={i} lang={s.lang} dir={s.dir} style={{ textAlign: s.dir === "rtl" ? "right" : "left" }}>
              {i > 0 ? <Hr /> : null}
              <Heading as="h1" style={{ fontSize: "22px" }}>
                {s.heading}
              </Heading>
              {s.lines.map((l, j) => (
                <Text key={j} style={{ fontSize: "16px", lineHeight: "24px" }}>
                  {l}
                </Text>
              ))}
              {s.action ? (
                <Button
                  href={s.action.url}
                  style={{ backgroundColor: "#0b4a6f", color: "#ffffff", padding: "12px 20px", borderRadius: "4px" }}
                >
                  {s.action.label}
                </Button>
              ) : null}
            </Section>
          ))}
          <Hr />
          <Text style={{ fontSize: "13px", color: "#555555" }}>{footer}</Text>
          {unsubscribe ? (
            <Text style={{ fontSize: "13px", color: "#555555" }}>
              <Link href={unsubscribe.url} style={{ color: "#0b4a6f" }}>
                {unsubscribe.label}
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}
