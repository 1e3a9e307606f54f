"use client";
// This page failing while rendering: words, Try again and the start page (components/page-error.tsx).
export { PageErrorMain as default } from "../../components/page-error";
