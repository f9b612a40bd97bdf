const path = require("path");
const CopyPlugin = require("copy-webpack-plugin");

module.exports = {
  mode: "production",
  target: "node",
  entry: "./src/index.ts",
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "index.js",
    libraryTarget: "commonjs2",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, loader: "ts-loader", options: { configFile: "tsconfig.build.json", transpileOnly: true } }],
  },
  optimization: { minimize: false },
  ignoreWarnings: [{ module: /jest-util|@jest/ }],
  plugins: [new CopyPlugin({ patterns: [{ from: "assets", to: "." }] })],
};
