// Links between sections keep the page state, and the URL hash follows the section in view.

import { getSection, setSection } from "./state.js";

const SECTIONS = ["draw", "perceptron", "machine", "train"];

export async function setupSections(python, recognizer) {
  const parts = [
    ["#perceptron .perceptron-root", "./perceptron.js", "setupPerceptron"],
    ["#machine .machine-root", "./machine.js", "setupMachine"],
    ["#train .train-root", "./training.js", "setupTraining"],
    ["#train .personal-root", "./teach.js", "setupTeach"],
  ];
  // The visitor's first digit comes first: these sections talk to Python once the recognizer
  // has its network and has answered.
  const patientPython = python.after(recognizer.started);
  for (const [selector, path, setup] of parts) {
    const module = await import(path);
    module[setup](document.querySelector(selector), patientPython, recognizer);
  }
  linkNavigation();
}

function linkNavigation() {
  const links = [...document.querySelectorAll("nav a, .brand")];
  for (const link of links) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const id = link.getAttribute("href").slice(1);
      document.getElementById(id).scrollIntoView();
      setSection(id);
      highlight(id);
    });
  }
  const initial = getSection();
  if (SECTIONS.includes(initial) && initial !== "draw") document.getElementById(initial).scrollIntoView();
  highlight(SECTIONS.includes(initial) ? initial : "draw");

  // As the visitor scrolls, the section in view becomes the one in the link.
  const observer = new IntersectionObserver((entries) => {
    const visible = entries.filter((e) => e.isIntersecting).sort((a, b) => b.intersectionRatio - a.intersectionRatio)[0];
    if (!visible) return;
    setSection(visible.target.id);
    highlight(visible.target.id);
  }, { rootMargin: "-40% 0px -55% 0px" });
  for (const id of SECTIONS) observer.observe(document.getElementById(id));
}

function highlight(id) {
  for (const link of document.querySelectorAll("nav a")) {
    link.setAttribute("aria-current", String(link.getAttribute("href") === `#${id}`));
  }
}
