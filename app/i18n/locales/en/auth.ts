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
} satisfies Translation["auth"];
