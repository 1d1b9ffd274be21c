# The coordinate check over the sweep's widths, written by compare-inits.
# Re-render with `gnuplot sweep-coordinate-check.gp` in this folder (reads sweep-coordinate-check.dat).
reset
set terminal pngcairo size 1900,820 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'sweep-coordinate-check.png'
set datafile missing '?'
set grid
set format y '%g'
set multiplot layout 2,5 title 'Width: does the best learning rate transfer? The standard parametrization against muP:'."\n".'coordinate check, mean |x| of each layer'."'".'s output on the probe batch against width (Standard parametrization: at learning rate = 0.0009765625, the best on average'."\n".'over the widths; geometric mean over 3 seeds; muP, base width 64: at learning rate = 0.0078125, the best on average over the widths; geometric mean over 3 seeds)'
set logscale x 2
set logscale y
set xlabel 'width'
set ylabel 'mean |x|'
set key top left font ',9' samplen 2
set offsets graph 0.05, graph 0.05, graph 0.3, 0
set xtics ('64' 64.0, '128' 128.0, '256' 256.0, '512' 512.0, '1024' 1024.0, '2048' 2048.0) rotate by 45 right
set title 'Standard parametrization: at initialization'
plot 'sweep-coordinate-check.dat' index 0 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = 0.01', \
     'sweep-coordinate-check.dat' index 0 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.00', \
     'sweep-coordinate-check.dat' index 0 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = -0.04'
set title 'Standard parametrization: after 1 update'
plot 'sweep-coordinate-check.dat' index 1 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = 0.01', \
     'sweep-coordinate-check.dat' index 1 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.10', \
     'sweep-coordinate-check.dat' index 1 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = 0.58'
set title 'Standard parametrization: after 2 updates'
plot 'sweep-coordinate-check.dat' index 2 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = -0.01', \
     'sweep-coordinate-check.dat' index 2 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.11', \
     'sweep-coordinate-check.dat' index 2 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = 0.56'
set title 'Standard parametrization: after 3 updates'
plot 'sweep-coordinate-check.dat' index 3 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = -0.03', \
     'sweep-coordinate-check.dat' index 3 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.11', \
     'sweep-coordinate-check.dat' index 3 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = 0.58'
set title 'Standard parametrization: after 4 updates'
plot 'sweep-coordinate-check.dat' index 4 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = -0.05', \
     'sweep-coordinate-check.dat' index 4 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.10', \
     'sweep-coordinate-check.dat' index 4 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = 0.59'
set xtics ('64' 64.0, '128' 128.0, '256' 256.0, '512' 512.0, '1024' 1024.0, '2048' 2048.0) rotate by 45 right
set title 'muP, base width 64: at initialization'
plot 'sweep-coordinate-check.dat' index 5 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = -0.01', \
     'sweep-coordinate-check.dat' index 5 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = -0.02', \
     'sweep-coordinate-check.dat' index 5 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), no slope'
set title 'muP, base width 64: after 1 update'
plot 'sweep-coordinate-check.dat' index 6 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = -0.01', \
     'sweep-coordinate-check.dat' index 6 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = -0.02', \
     'sweep-coordinate-check.dat' index 6 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = -0.03'
set title 'muP, base width 64: after 2 updates'
plot 'sweep-coordinate-check.dat' index 7 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = -0.01', \
     'sweep-coordinate-check.dat' index 7 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = -0.01', \
     'sweep-coordinate-check.dat' index 7 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = -0.03'
set title 'muP, base width 64: after 3 updates'
plot 'sweep-coordinate-check.dat' index 8 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = 0.01', \
     'sweep-coordinate-check.dat' index 8 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.01', \
     'sweep-coordinate-check.dat' index 8 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = 0.00'
set title 'muP, base width 64: after 4 updates'
plot 'sweep-coordinate-check.dat' index 9 using 1:2 with linespoints linetype 1 pointtype 7 title 'layer 1, k = 0.01', \
     'sweep-coordinate-check.dat' index 9 using 1:3 with linespoints linetype 2 pointtype 7 title 'layer 2, k = 0.02', \
     'sweep-coordinate-check.dat' index 9 using 1:4 with linespoints linetype 3 pointtype 7 title 'output (logits), k = 0.03'
unset multiplot
