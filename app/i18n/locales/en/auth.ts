import type { Translation } from "../da";

export default {
  login: {
    title: "Log in",
    intro: "Log in as a mentor, coordinator, caseworker or administrator.",
    email: "Email",
    password: "Password",
    submit: "Log in",
    invalid: "The email or password is incorrect.",
    rateLimited: "Too many attempts. Wait 15 minutes and try again.",
    forgot: "Forgot your password?",
    passwordRequired: "Enter your password",
    emailRequired: "Enter your email",
    resetDone: "Your password has been changed. Log in with the new one.",
  },
  logout: { submit: "Log out", done: "You are logged out." },
  forgot: {
    title: "Forgot password",
    intro: "Enter your email. If it belongs to an account, we will send a link to choose a new password.",
    submit: "Send link",
    sent: "If the email belongs to an account, we have sent a link. The link works for 1 hour.",
  },
  reset: {
    title: "Choose a new password",
    password: "New password",
    passwordHint: "At least 10 characters. A sentence works well.",
    confirm: "Repeat the password",
    submit: "Save password",
    invalidLink: "The link has expired or has already been used. Ask for a new one.",
    tooShort: "At least 10 characters",
    tooLongPw: "At most 200 characters",
    mismatch: "The two passwords are not the same",
    common: "This password is too common. Choose another.",
  },
  mfa: {
    title: "Code from your app",
    intro: "Enter the 6-digit code from your authenticator app.",
    code: "Code",
    submit: "Confirm",
    invalid: "The code is wrong or has expired. Try the newest code.",
    expired: "Log in again: too much time has passed.",
    codeFormat: "Enter 6 digits",
  },
  security: {
    title: "Two-step verification",
    intro:
      "As a coordinator you can protect your account with a code from an authenticator app (e.g. Microsoft Authenticator or Google Authenticator). As an administrator you must.",
    enabled: "Two-step verification is on.",
    disabled: "Two-step verification is off.",
    step1: "Add an account in your app with this key:",
    uri: "Or use this link on your phone",
    step2: "Enter the code the app shows to turn it on.",
    enable: "Turn on two-step verification",
    disable: "Turn off two-step verification",
    disableIntro: "Enter a code from your app to turn it off.",
    required:
      "As an administrator you must turn on two-step verification before you can use Mentorbro. It takes a minute.",
    requiredKeep:
      "Administrators must have two-step verification, so it cannot be turned off. If you have lost your phone, ask whoever runs the server to reset it (npm run admin:create -- --email … --reset).",
    nav: "Security",
  },
} satisfies Translation["auth"];
