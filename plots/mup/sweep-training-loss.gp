# Training loss (mean of the last 50 steps) over the sweep's grid, written by compare-inits.
# Re-render with `gnuplot sweep-training-loss.gp` in this folder (reads sweep-training-loss.dat).
reset
set terminal pngcairo size 1440,720 noenhanced font 'sans,11'
set linetype 1 linecolor rgb '#000000' dashtype 1 linewidth 2
set linetype 2 linecolor rgb '#E69F00' dashtype (14,6) linewidth 2
set linetype 3 linecolor rgb '#56B4E9' dashtype (4,4) linewidth 2
set linetype 4 linecolor rgb '#009E73' dashtype (14,4,3,4) linewidth 2
set linetype 5 linecolor rgb '#0072B2' dashtype (28,8) linewidth 2
set linetype 6 linecolor rgb '#D55E00' dashtype (3,3,10,3) linewidth 2
set linetype 7 linecolor rgb '#CC79A7' dashtype (8,3) linewidth 2
set linetype 8 linecolor rgb '#B8A200' dashtype (20,4,3,4,3,4) linewidth 2
set linetype cycle 8
set output 'sweep-training-loss.png'
set datafile missing '?'
set grid
set format y '%g'
set xlabel 'width'
set ylabel 'learning rate'
set xrange [45.25483399593902:2896.309375740099]
set yrange [4.3158372875155546e-05:0.08838834764831845]
unset grid
set tics out
set key outside bottom center horizontal
set bmargin 6
set palette defined (0 '#440154', 0.25 '#3B528B', 0.5 '#21908D', 0.75 '#5DC963', 1 '#FDE725')
set cblabel 'Training loss (mean of the last 50 steps)'
set logscale x
set xtics ('64' 64.0, '128' 128.0, '256' 256.0, '512' 512.0, '1024' 1024.0, '2048' 2048.0)
set logscale y
set ytics ('6.103515625e-05' 6.103515625e-05, '0.0001220703125' 0.0001220703125, '0.000244140625' 0.000244140625, '0.00048828125' 0.00048828125, '0.0009765625' 0.0009765625, '0.001953125' 0.001953125, '0.00390625' 0.00390625, '0.0078125' 0.0078125, '0.015625' 0.015625, '0.03125' 0.03125, '0.0625' 0.0625)
set cbrange [0.38174329847097394:2.3178392465909323]
set rmargin 16
set multiplot layout 1,2 title 'Width: does the best learning rate transfer? The standard parametrization against muP:'."\n".'Training loss (mean of the last 50 steps) (mean over 3 seeds)'
unset colorbox
set title 'Standard parametrization'
plot 'sweep-training-loss.dat' index 0 using 1:2:3:4:5:6:7 with boxxyerror fillstyle solid 1.0 noborder linecolor palette notitle
set title 'muP, base width 64'
set colorbox user origin graph 1.04, graph 0 size graph 0.05, graph 1
plot 'sweep-training-loss.dat' index 2 using 1:2:3:4:5:6:7 with boxxyerror fillstyle solid 1.0 noborder linecolor palette notitle
unset multiplot
