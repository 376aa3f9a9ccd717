"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { collectSentences, type ListenSentence } from "./listen-text";

export type ListenState = "idle" | "playing" | "paused" | "finished";
export const LISTEN_RATES = [0.75, 1, 1.25, 1.5] as const;
export const LISTEN_HIGHLIGHT = "haven-listen";

/** Voices that speak on this device. Network voices would send the reading's text elsewhere. */
function localVoices(): SpeechSynthesisVoice[] {
  if (typeof window === "undefined" || !window.speechSynthesis || typeof window.SpeechSynthesisUtterance !== "function") return [];
  return window.speechSynthesis.getVoices().filter((voice) => voice.localService);
}

function pickVoice(voices: SpeechSynthesisVoice[], lang: string) {
  const base = lang.toLowerCase().split("-")[0] ?? "en";
  const sameLanguage = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base);
  return sameLanguage.find((v) => v.default) ?? sameLanguage[0] ?? voices.find((v) => v.default) ?? voices[0] ?? null;
}

/** Reduced motion: the device setting or the client's own preference (<html data-motion="reduce">). */
export function prefersReducedMotion() {
  return document.documentElement.dataset.motion === "reduce" || window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function highlight(range: Range | null) {
  const registry = typeof CSS !== "undefined" && "highlights" in CSS ? CSS.highlights : null;
  if (!registry) return;
  if (range) registry.set(LISTEN_HIGHLIGHT, new Highlight(range));
  else registry.delete(LISTEN_HIGHLIGHT);
}

/** Scrolls the sentence into the middle third of the screen when it is outside it (clear of the sticky bars). */
function keepInView(range: Range) {
  const rect = range.getBoundingClientRect();
  if (rect.height === 0 && rect.width === 0) return;
  const top = 80;
  const bottom = window.innerHeight - 120;
  if (rect.top >= top && rect.bottom <= bottom) return;
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: prefersReducedMotion() ? "instant" : "smooth" });
}

/**
 * Reads `bodyRef` aloud with the browser's own speech synthesis, one sentence per utterance, so
 * pause, resume, a new speed and the highlight all follow sentence by sentence. Nothing leaves the
 * device: only local voices are used, and without one `available` is false (no control shown).
 * `onFinished` runs when the last sentence has been spoken.
 */
export function useListen(bodyRef: RefObject<HTMLElement | null>, onFinished: () => void) {
  const [available, setAvailable] = useState(false);
  const [state, setState] = useState<ListenState>("idle");
  const [rate, setRateState] = useState<number>(1);
  const [position, setPosition] = useState({ index: 0, total: 0 });
  const sentencesRef = useRef<ListenSentence[]>([]);
  const indexRef = useRef(0);
  const rateRef = useRef(1);
  // Each speakAt() call gets a generation; cancel() moves it on, so late events of a cancelled utterance are ignored.
  const generationRef = useRef(0);
  const onFinishedRef = useRef(onFinished);
  const speakAtRef = useRef<(index: number) => void>(() => undefined);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    const synth = window.speechSynthesis as SpeechSynthesis | undefined;
    if (!synth) return;
    const update = () => setAvailable(localVoices().length > 0);
    update();
    synth.addEventListener("voiceschanged", update);
    // Leaving the page (Quick exit included) silences it at once.
    const silence = () => {
      generationRef.current++;
      synth.cancel();
    };
    window.addEventListener("pagehide", silence);
    return () => {
      synth.removeEventListener("voiceschanged", update);
      window.removeEventListener("pagehide", silence);
      silence();
      highlight(null);
    };
  }, []);

  const speakAt = useCallback((index: number) => {
    const synth = window.speechSynthesis;
    const sentence = sentencesRef.current[index];
    const generation = ++generationRef.current;
    // Only when something is queued: some engines drop a speak() that follows cancel() at once.
    if (synth.speaking || synth.pending) synth.cancel();
    if (!sentence) return;
    indexRef.current = index;
    setPosition({ index, total: sentencesRef.current.length });
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    const lang = document.documentElement.lang || "en";
    utterance.lang = lang;
    utterance.voice = pickVoice(localVoices(), lang);
    utterance.rate = rateRef.current;
    utterance.onstart = () => {
      if (generation !== generationRef.current) return;
      highlight(sentence.range);
      keepInView(sentence.range);
    };
    utterance.onend = () => {
      if (generation !== generationRef.current) return;
      if (index + 1 < sentencesRef.current.length) {
        speakAtRef.current(index + 1);
        return;
      }
      generationRef.current++;
      highlight(null);
      indexRef.current = 0;
      setState("finished");
      onFinishedRef.current();
    };
    utterance.onerror = (event) => {
      if (generation !== generationRef.current || event.error === "interrupted" || event.error === "canceled") return;
      generationRef.current++;
      highlight(null);
      setState("idle");
    };
    synth.speak(utterance);
  }, []);
  useEffect(() => {
    speakAtRef.current = speakAt;
  }, [speakAt]);

  const play = useCallback(() => {
    const body = bodyRef.current;
    if (!body) return;
    if (state === "paused") {
      window.speechSynthesis.resume();
      setState("playing");
      return;
    }
    sentencesRef.current = collectSentences(body, document.documentElement.lang || "en");
    if (!sentencesRef.current.length) return;
    setState("playing");
    speakAt(state === "finished" ? 0 : indexRef.current);
  }, [bodyRef, speakAt, state]);

  const pause = useCallback(() => {
    window.speechSynthesis.pause();
    setState("paused");
  }, []);

  const stop = useCallback(() => {
    generationRef.current++;
    window.speechSynthesis.cancel();
    // A paused engine stays paused after cancel(); the next Listen must start speaking.
    if (window.speechSynthesis.paused) window.speechSynthesis.resume();
    highlight(null);
    indexRef.current = 0;
    setPosition((p) => ({ ...p, index: 0 }));
    setState("idle");
  }, []);

  /** A new speed takes effect at once: the current sentence starts again at that speed. */
  const setRate = useCallback(
    (value: number) => {
      rateRef.current = value;
      setRateState(value);
      if (state === "playing") speakAt(indexRef.current);
      else if (state === "paused") {
        // Cancelling a paused queue: start the sentence again from the beginning when resumed.
        generationRef.current++;
        window.speechSynthesis.cancel();
        window.speechSynthesis.resume();
        setState("idle");
      }
    },
    [speakAt, state],
  );

  return { available, state, rate, position, play, pause, stop, setRate };
}
